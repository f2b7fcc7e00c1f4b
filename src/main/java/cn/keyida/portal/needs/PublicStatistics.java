package cn.keyida.portal.needs;

import cn.keyida.portal.common.PortalClock;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.LocalDate;
import java.util.List;

/**
 * 办理情况公开: needs received, resolved, time to resolve and satisfaction by category and month.
 * A group is shown only with at least {@link #MIN_GROUP} needs, so no single enterprise can be recognised.
 */
@ApplicationScoped
public class PublicStatistics {

    /** The smallest group shown in public; the market's public figures use the same rule. */
    public static final int MIN_GROUP = 10;

    private final EntityManager em;
    private final PortalClock clock;

    PublicStatistics(EntityManager em, PortalClock clock) {
        this.em = em;
        this.clock = clock;
    }

    public record Row(String category, String month, long received, long resolved, Double averageDaysToResolve,
            Double satisfactionRate) {}

    public record Report(LocalDate from, LocalDate to, int minimumGroupSize, List<Row> rows, long hiddenGroups) {}

    @Transactional
    @SuppressWarnings("unchecked")
    public Report report() {
        LocalDate to = clock.today();
        LocalDate from = to.withDayOfMonth(1).minusMonths(11);
        List<Object[]> all = em.createNativeQuery("""
                select c.name, to_char(n.submitted_at at time zone 'Asia/Shanghai', 'YYYY-MM') as month, count(*),
                       count(n.resolved_at),
                       avg(extract(epoch from (n.resolved_at - n.submitted_at)) / 86400),
                       100.0 * count(*) filter (where n.satisfaction in %s)
                             / nullif(count(n.satisfaction), 0)
                from need n join need_category c on c.code = n.category_code
                where n.submitted_at >= :from and n.status not in ('WITHDRAWN')
                group by c.name, c.sort_order, month order by month desc, c.sort_order"""
                .formatted(NeedCallback.Satisfaction.SATISFIED_SQL))
                .setParameter("from", PortalClock.startOf(from)).getResultList();
        List<Row> rows = all.stream().filter(r -> ((Number) r[2]).longValue() >= MIN_GROUP)
                .map(r -> new Row((String) r[0], (String) r[1], ((Number) r[2]).longValue(), ((Number) r[3]).longValue(),
                        round(r[4]), round(r[5])))
                .toList();
        return new Report(from, to, MIN_GROUP, rows, all.size() - rows.size());
    }

    private static Double round(Object v) {
        return v == null ? null : Math.round(((Number) v).doubleValue() * 10) / 10.0;
    }
}
