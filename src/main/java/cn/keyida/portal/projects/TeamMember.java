package cn.keyida.portal.projects;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.util.List;

/** A member of an application's project team. */
@Entity
@Table(name = "project_team_member")
public class TeamMember extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "application_id")
    public Long applicationId;

    public int position;
    public String name;
    public String title = "";
    public String organisation = "";
    public String role = "";

    public static List<TeamMember> of(long applicationId) {
        return list("applicationId = ?1 order by position", applicationId);
    }
}
