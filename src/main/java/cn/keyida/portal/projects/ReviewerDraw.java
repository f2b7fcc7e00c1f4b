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
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.hibernate.annotations.Immutable;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * One stored draw of reviewers (专家抽取): the seed, the candidates in id order, every exclusion with its
 * reason, and the drawn experts in draw order. {@link DrawRules#pick} over the stored candidates,
 * exclusions and seed gives the same drawn list again: that is the replay. Never changed once written.
 */
@Entity
@Immutable
@Table(name = "project_draw")
public class ReviewerDraw extends PanacheEntityBase {

    public enum Kind {
        FIELD("按领域抽取"),
        REPLACEMENT("替补抽取");

        public final String label;

        Kind(String label) {
            this.label = label;
        }
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "call_id")
    public Long callId;

    @Column(name = "field_code")
    public String fieldCode;

    /** For a replacement: the application it replaces a reviewer of. */
    @Column(name = "application_id")
    public Long applicationId;

    @Enumerated(EnumType.STRING)
    public Kind kind;

    public long seed;
    public int wanted;

    @JdbcTypeCode(SqlTypes.JSON)
    public List<DrawRules.Candidate> candidates = new ArrayList<>();

    @JdbcTypeCode(SqlTypes.JSON)
    public List<DrawRules.Exclusion> exclusions = new ArrayList<>();

    @JdbcTypeCode(SqlTypes.JSON)
    public List<Long> drawn = new ArrayList<>();

    /** Why the draw happened: 首次抽取, or whom it replaces and why. */
    public String reason = "";

    public String actor;
    public Instant at;
    public int year;

    public static List<ReviewerDraw> ofCall(long callId) {
        return list("callId = ?1 order by id", callId);
    }
}
