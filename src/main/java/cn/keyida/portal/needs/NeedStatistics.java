package cn.keyida.portal.needs;

import cn.keyida.portal.common.PortalClock;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.persistence.EntityManager;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The figures of the staff dashboard, computed in PostgreSQL over a stated time window. */
@ApplicationScoped
public class NeedStatistics {

    private final EntityManager em;

    NeedStatistics(EntityManager em) {
        this.em = em;
    }

    public record Count(String label, long count) {}

    public record Durations(Double averageDays, Double p90Days, long measured) {}

    public record Figures(LocalDate from, LocalDate to, long submitted, List<Count> byStatus, List<Count> byCategory,
            List<Count> byDistrict, List<Count> byMonth, Durations toAccept, Durations toResolve,
            Double slaCompliance, long slaMeasured, Double satisfactionRate, long rated, List<Unsatisfied> unsatisfied) {}

    public record Unsatisfied(long id, String trackingNo, String title, String enterprise, String comment) {}

    /** Needs submitted in the period. */
    @Transactional
    public Figures compute(ReportPeriod period) {
        LocalDate from = period.from();
        LocalDate to = period.to();
        Instant start = PortalClock.startOf(from);
        Instant end = PortalClock.startOf(to.plusDays(1));
        Map<String, Object> p = Map.of("s", start, "e", end);

        List<Count> byStatus = counts("""
                select n.status, count(*) from need n where n.submitted_at >= :s and n.submitted_at < :e
                group by n.status order by count(*) desc""", p);
        Map<String, String> statusLabels = new LinkedHashMap<>();
        for (NeedStatus s : NeedStatus.values()) {
            statusLabels.put(s.name(), s.label);
        }
        byStatus = byStatus.stream().map(c -> new Count(statusLabels.getOrDefault(c.label(), c.label()), c.count())).toList();
        long submitted = byStatus.stream().mapToLong(Count::count).sum();
        return new Figures(from, to, submitted, byStatus,
                counts("""
                        select c.name, count(*) from need n join need_category c on c.code = n.category_code
                        where n.submitted_at >= :s and n.submitted_at < :e group by c.name, c.sort_order order by c.sort_order""", p),
                byDistrict(start, end),
                counts("""
                        select to_char(n.submitted_at at time zone 'Asia/Shanghai', 'YYYY-MM'), count(*) from need n
                        where n.submitted_at >= :s and n.submitted_at < :e group by 1 order by 1""", p),
                durations("accepted_at", p), durations("resolved_at", p),
                ratio("""
                        select count(*) filter (where (n.resolved_at at time zone 'Asia/Shanghai')::date <= n.resolve_due),
                               count(*) from need n
                        where n.submitted_at >= :s and n.submitted_at < :e and n.resolved_at is not null and n.resolve_due is not null""", p),
                single("""
                        select count(*) from need n where n.submitted_at >= :s and n.submitted_at < :e
                        and n.resolved_at is not null and n.resolve_due is not null""", p),
                ratio("""
                        select count(*) filter (where n.satisfaction in %s),
                               count(*) from need n
                        where n.submitted_at >= :s and n.submitted_at < :e and n.satisfaction is not null"""
                        .formatted(NeedCallback.Satisfaction.SATISFIED_SQL), p),
                single("""
                        select count(*) from need n where n.submitted_at >= :s and n.submitted_at < :e
                        and n.satisfaction is not null""", p),
                unsatisfied(start, end));
    }

    @SuppressWarnings("unchecked")
    private List<Count> counts(String sql, Map<String, Object> params) {
        var q = em.createNativeQuery(sql);
        params.forEach(q::setParameter);
        return ((List<Object[]>) q.getResultList()).stream()
                .map(r -> new Count(String.valueOf(r[0]), ((Number) r[1]).longValue())).toList();
    }

    private Durations durations(String column, Map<String, Object> params) {
        var q = em.createNativeQuery("""
                select avg(extract(epoch from (%1$s - submitted_at)) / 86400),
                       percentile_cont(0.9) within group (order by extract(epoch from (%1$s - submitted_at)) / 86400),
                       count(%1$s)
                from need where submitted_at >= :s and submitted_at < :e and %1$s is not null""".formatted(column));
        params.forEach(q::setParameter);
        Object[] r = (Object[]) q.getSingleResult();
        return new Durations(round(r[0]), round(r[1]), ((Number) r[2]).longValue());
    }

    private Double ratio(String sql, Map<String, Object> params) {
        var q = em.createNativeQuery(sql);
        params.forEach(q::setParameter);
        Object[] r = (Object[]) q.getSingleResult();
        long total = ((Number) r[1]).longValue();
        return total == 0 ? null : round(100.0 * ((Number) r[0]).longValue() / total);
    }

    private long single(String sql, Map<String, Object> params) {
        var q = em.createNativeQuery(sql);
        params.forEach(q::setParameter);
        return ((Number) q.getSingleResult()).longValue();
    }

    /** Through the need's enterprise (the enterprise feature's entity), not its table. */
    private List<Count> byDistrict(Instant start, Instant end) {
        return em.createQuery("""
                select n.enterprise.district, count(n) from Need n where n.submittedAt >= :s and n.submittedAt < :e
                group by n.enterprise.district order by count(n) desc""", Object[].class)
                .setParameter("s", start).setParameter("e", end).getResultList().stream()
                .map(r -> new Count(String.valueOf(r[0]), (Long) r[1])).toList();
    }

    /** The latest unsatisfied comment of each need rated unsatisfied. */
    private List<Unsatisfied> unsatisfied(Instant start, Instant end) {
        return em.createQuery("""
                select n.id, n.trackingNo, n.title, n.enterprise.name, c.comment from Need n, NeedCallback c
                where c.id = (select max(c2.id) from NeedCallback c2 where c2.needId = n.id and c2.satisfaction = 'UNSATISFIED')
                  and n.submittedAt >= :s and n.submittedAt < :e
                order by n.id desc""", Object[].class)
                .setParameter("s", start).setParameter("e", end).setMaxResults(50).getResultList().stream()
                .map(r -> new Unsatisfied((Long) r[0], (String) r[1], (String) r[2], (String) r[3],
                        r[4] == null ? "" : (String) r[4])).toList();
    }

    private static Double round(Object value) {
        return value == null ? null
                : BigDecimal.valueOf(((Number) value).doubleValue()).setScale(1, RoundingMode.HALF_UP).doubleValue();
    }
}
