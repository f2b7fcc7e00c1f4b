package cn.keyida.portal.experts;

import cn.keyida.portal.common.BaseEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** An expert's entry in the pool, keyed by the user's OIDC subject and Keycloak username. */
@Entity
@Table(name = "expert")
public class Expert extends BaseEntity {

    public String subject;
    public String username;
    public String name;
    public String organisation;
    /** 职称, e.g. 教授级高级工程师. */
    public String title;

    /** Codes of {@code techfield}. */
    @JdbcTypeCode(SqlTypes.JSON)
    public List<String> fields = new ArrayList<>();

    @JdbcTypeCode(SqlTypes.JSON)
    public List<String> specialities = new ArrayList<>();

    /** {@link ServiceMode} names. */
    @JdbcTypeCode(SqlTypes.JSON)
    public List<String> modes = new ArrayList<>();

    public String availability = "";
    public String region = "";
    /** The short public profile. */
    public String profile = "";

    /** Private contact details: staff only. */
    public String phone;
    public String email;

    @Enumerated(EnumType.STRING)
    public ExpertStatus status;

    @Column(name = "status_note")
    public String statusNote = "";

    @Column(name = "submitted_at")
    public Instant submittedAt;

    @Column(name = "admitted_at")
    public Instant admittedAt;

    @Column(name = "confirmed_at")
    public Instant confirmedAt;

    @Column(name = "confirm_by")
    public LocalDate confirmBy;

    @Column(name = "rating_count")
    public int ratingCount;

    @Column(name = "rating_sum")
    public int ratingSum;

    public Set<ServiceMode> serviceModes() {
        Set<ServiceMode> set = EnumSet.noneOf(ServiceMode.class);
        modes.forEach(m -> ServiceMode.of(m).ifPresent(set::add));
        return set;
    }

    public String modeLabels() {
        return String.join("、", serviceModes().stream().map(m -> m.label).toList());
    }

    public PoolExpert toPool() {
        return new PoolExpert(id, subject, username, name, organisation, List.copyOf(fields), serviceModes());
    }

    public static Optional<Expert> findBySubject(String subject) {
        return subject == null ? Optional.empty() : find("subject", subject).firstResultOptional();
    }

    public static Optional<Expert> findByUsername(String username) {
        return username == null ? Optional.empty() : find("username", username).firstResultOptional();
    }

    public static List<Expert> active() {
        return list("status = ?1 order by id", ExpertStatus.ACTIVE);
    }
}
