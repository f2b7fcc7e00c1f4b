package cn.keyida.portal.needs;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;

/** A satisfaction callback (满意度回访), by phone or answered online by the enterprise. */
@Entity
@Table(name = "need_callback")
public class NeedCallback extends PanacheEntityBase {

    public enum Satisfaction {
        VERY_SATISFIED("非常满意", true), SATISFIED("满意", true), BASICALLY_SATISFIED("基本满意", true),
        UNSATISFIED("不满意", false);

        public final String label;
        /** Counts as satisfied in the satisfaction rate (满意率). */
        public final boolean satisfied;

        Satisfaction(String label, boolean satisfied) {
            this.label = label;
            this.satisfied = satisfied;
        }

        /** The satisfied answers as an SQL list, for the statistics: the one definition of "satisfied". */
        static final String SATISFIED_SQL = java.util.Arrays.stream(values()).filter(s -> s.satisfied)
                .map(s -> "'" + s.name() + "'").collect(java.util.stream.Collectors.joining(", ", "(", ")"));
    }

    public enum Resolved {
        YES("已解决"), PARTLY("部分解决"), NO("未解决");

        public final String label;

        Resolved(String label) {
            this.label = label;
        }
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @jakarta.persistence.Column(name = "need_id")
    public Long needId;

    /** PHONE or ONLINE. */
    public String channel;
    public boolean reached;
    public String satisfaction;
    public String resolved;
    public String comment = "";
    public String actor;
    public Instant at;

    /**
     * Personal-data erasure: the satisfaction and resolution values stay for the satisfaction rate; the
     * comment goes, and an online rating no longer names the enterprise or its user.
     */
    static void anonymise(long profileId) {
        update("comment = '', actor = case when channel = 'ONLINE' then '企业' else actor end"
                + " where needId in (select n.id from Need n where n.enterprise.id = ?1)", profileId);
    }

    /** The enterprise's answer of the latest round (a reached callback, by any channel), if any. */
    public static java.util.Optional<NeedCallback> latestRating(long needId) {
        return find("needId = ?1 and reached = true order by id desc", needId).firstResultOptional();
    }

    public static List<NeedCallback> forNeed(long needId) {
        return list("needId = ?1 order by id", needId);
    }
}
