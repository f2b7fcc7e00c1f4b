package cn.keyida.portal.projects;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import org.hibernate.annotations.Immutable;

/** A conflict of interest an expert declared with an application (and so with its organisation). */
@Entity
@Immutable
@Table(name = "project_conflict")
public class ProjectConflict extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "expert_id")
    public Long expertId;

    @Column(name = "application_id")
    public Long applicationId;

    /** The applicant's organisation key ({@link DrawRules#organisationKey}). */
    public String organisation;

    public String note = "";
    public Instant at;
}
