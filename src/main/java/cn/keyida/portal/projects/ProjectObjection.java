package cn.keyida.portal.projects;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.List;

/** An objection (异议) to an application on 公示, filed by a logged-in user within the period. */
@Entity
@Table(name = "project_objection")
public class ProjectObjection extends PanacheEntityBase {

    public enum Status {
        OPEN("待处理"),
        UPHELD("异议成立"),
        DISMISSED("异议不成立");

        public final String label;

        Status(String label) {
            this.label = label;
        }
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "application_id")
    public Long applicationId;

    public String subject;
    public String name;
    public String text;

    @Enumerated(EnumType.STRING)
    public Status status;

    public String reply = "";

    @Column(name = "handled_by")
    public String handledBy = "";

    public Instant at;

    @Column(name = "handled_at")
    public Instant handledAt;

    @Version
    public long version;

    public static List<ProjectObjection> of(long applicationId) {
        return list("applicationId = ?1 order by id", applicationId);
    }
}
