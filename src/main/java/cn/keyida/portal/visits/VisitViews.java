package cn.keyida.portal.visits;

import cn.keyida.portal.enterprise.EnterpriseProfile;
import cn.keyida.portal.needs.Need;
import cn.keyida.portal.needs.NeedCategory;
import cn.keyida.portal.needs.NeedStatus;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.NotFoundException;
import java.util.List;
import java.util.Map;

/** What the visit pages show, as view records. */
@ApplicationScoped
public class VisitViews {

    public record Option(String value, String label) {}

    public record Count(String district, String month, long visits) {}

    public record Figures(long planned, long recorded, long needsRaised, long needsResolved, long needsSatisfied,
            List<Count> byDistrictAndMonth) {}

    public record Overview(List<Visit> visits, Figures figures, List<Option> enterprises, List<String> purposes,
            Map<String, String> values, Map<String, String> errors) {}

    public record RaisedNeed(long id, String trackingNo, String title, String status, String satisfaction,
            String confirmation) {}

    /** The enterprise's staff-side record of visits: every visit and every need raised on one. */
    public record EnterpriseRecord(long profileId, String name, String district, List<Visit> visits,
            List<RaisedNeed> needs) {}

    public record Detail(Visit visit, List<RaisedNeed> needs, List<Option> categories, Map<String, String> values,
            Map<String, String> errors, String error) {}

    @Transactional
    public Overview overview(Map<String, String> values, Map<String, String> errors) {
        List<Option> enterprises = EnterpriseProfile.<EnterpriseProfile>list("order by name").stream()
                .map(p -> new Option(String.valueOf(p.id), p.name + "（" + p.district + "）")).toList();
        return new Overview(Visit.list("order by plannedOn desc, id desc"), figures(), enterprises, Visit.PURPOSES,
                values, errors);
    }

    @Transactional
    public Detail detail(long id, Map<String, String> values, Map<String, String> errors, String error) {
        Visit v = Visit.findById(id);
        if (v == null) {
            throw new NotFoundException();
        }
        List<RaisedNeed> needs = raised(VisitNeed.<VisitNeed>list("visitId = ?1 order by id", id));
        List<Option> categories = NeedCategory.listActive().stream()
                .map(c -> new Option(c.code, c.name)).toList();
        return new Detail(v, needs, categories, values, errors, error);
    }

    @Transactional
    public EnterpriseRecord enterprise(long profileId) {
        EnterpriseProfile p = EnterpriseProfile.findById(profileId);
        if (p == null) {
            throw new NotFoundException();
        }
        List<Visit> visits = Visit.list("enterpriseSubject = ?1 order by plannedOn desc, id desc", p.subject);
        List<Long> ids = visits.stream().map(v -> v.id).toList();
        List<RaisedNeed> needs = ids.isEmpty() ? List.of()
                : raised(VisitNeed.<VisitNeed>list("visitId in ?1 order by id", ids));
        return new EnterpriseRecord(p.id, p.name, p.district, visits, needs);
    }

    private static List<RaisedNeed> raised(List<VisitNeed> links) {
        return links.stream().map(l -> {
            Need n = Need.findById(l.needId);
            return n == null ? new RaisedNeed(l.needId, l.trackingNo, "", "", "", "")
                    : new RaisedNeed(n.id, n.trackingNo, n.title, n.status.label, n.satisfaction == null ? "" : n.satisfaction,
                            n.confirmationLabel());
        }).toList();
    }

    /** The dashboard's visit figures: visits per district and month, and how the needs raised fared. */
    @Transactional
    public Figures figures() {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = Visit.getEntityManager().createQuery("""
                select v.district, year(v.visitedOn), month(v.visitedOn), count(v) from Visit v
                where v.status = :s group by v.district, year(v.visitedOn), month(v.visitedOn)
                order by year(v.visitedOn) desc, month(v.visitedOn) desc, v.district""")
                .setParameter("s", VisitStatus.RECORDED).getResultList();
        List<Count> counts = rows.stream().map(r -> new Count((String) r[0],
                "%d-%02d".formatted(((Number) r[1]).intValue(), ((Number) r[2]).intValue()), ((Number) r[3]).longValue()))
                .toList();
        List<Long> needIds = VisitNeed.<VisitNeed>listAll().stream().map(l -> l.needId).toList();
        List<Need> raised = needIds.isEmpty() ? List.of() : Need.list("id in ?1", needIds);
        long resolved = raised.stream().filter(n -> n.status == NeedStatus.RESOLVED || n.status == NeedStatus.CALLBACK_DONE
                || n.status == NeedStatus.CLOSED).count();
        long satisfied = raised.stream().filter(n -> "SATISFIED".equals(n.satisfaction)
                || "VERY_SATISFIED".equals(n.satisfaction)).count();
        return new Figures(Visit.count("status", VisitStatus.PLANNED), Visit.count("status", VisitStatus.RECORDED),
                raised.size(), resolved, satisfied, counts);
    }
}
