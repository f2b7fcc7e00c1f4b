package cn.keyida.portal.experts;

import cn.keyida.portal.common.PortalClock;
import cn.keyida.portal.needs.NeedDirectory;
import cn.keyida.portal.techfield.TechFields;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.NotFoundException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** What the pool's pages show, read in one transaction each and returned as view records. */
@ApplicationScoped
public class ExpertViews {

    private final TechFields techFields;
    private final NeedDirectory needs;
    private final PortalClock clock;

    ExpertViews(TechFields techFields, NeedDirectory needs, PortalClock clock) {
        this.techFields = techFields;
        this.needs = needs;
        this.clock = clock;
    }

    /** An assignment with its expert, what the viewer may see of the advice, and the rating if any. */
    public record AssignmentView(ExpertAssignment a, Expert expert, List<ExpertAdvice> advice, ExpertRating rating) {}

    // ------------------------------------------------------------------ the expert

    /** {@code expert} null: not registered yet. {@code confirmSoon}: the yearly confirmation is near or past. */
    public record Home(Expert expert, String fieldNames, List<ExpertAssignment> assignments, List<ExpertEvent> timeline,
            boolean confirmSoon, List<TechFields.Field> fields, List<ServiceMode> modes) {}

    @Transactional
    public Home home(String subject, String username) {
        Expert e = ExpertRegistry.mine(subject, username);
        List<ExpertAssignment> assignments = e == null ? List.of() : ExpertAssignment.forExpert(e.id);
        boolean soon = e != null && e.confirmBy != null && !e.confirmBy.isAfter(clock.today().plusMonths(1));
        return new Home(e, e == null ? "" : fieldNames(e), assignments,
                e == null ? List.of() : ExpertEvent.timeline(e.id, true), soon, techFields.all(),
                List.of(ServiceMode.values()));
    }

    private static final java.util.Set<AssignmentStatus> CLOSED_TO_EXPERT = java.util.EnumSet.of(
            AssignmentStatus.REQUESTED, AssignmentStatus.DECLINED, AssignmentStatus.WITHDRAWN, AssignmentStatus.EXPIRED);

    /** The expert's task: the need (what it is about, never the enterprise's contacts) and the advice so far. */
    public record Task(AssignmentView view, NeedDirectory.NeedBrief need, LocalDate today) {}

    @Transactional
    public Task task(String subject, long id) {
        Expert me = Expert.findBySubject(subject).orElseThrow(() -> new NotFoundException("未找到该咨询"));
        // a declined, withdrawn or expired request no longer shows the need
        ExpertAssignment a = ExpertAssignment.<ExpertAssignment>findByIdOptional(id)
                .filter(x -> x.expertId.equals(me.id) && !CLOSED_TO_EXPERT.contains(x.status))
                .orElseThrow(() -> new NotFoundException("未找到该咨询"));
        NeedDirectory.NeedBrief need = needs.find(a.needId).orElseThrow(() -> new NotFoundException("需求不存在"));
        return new Task(new AssignmentView(a, me, ExpertAdvice.forAssignment(a.id, false), null), need, clock.today());
    }

    // ------------------------------------------------------------------ staff

    public record Row(Expert expert, String fieldNames, String average) {}

    public record StaffList(List<Row> rows, Map<ExpertStatus, Long> counts, String status, String field,
            List<TechFields.Field> fields, List<ExpertStatus> statuses) {}

    @Transactional
    public StaffList staffList(String status, String field) {
        Optional<ExpertStatus> s = java.util.Arrays.stream(ExpertStatus.values()).filter(x -> x.name().equals(status)).findFirst();
        List<Expert> all = Expert.listAll();
        Map<ExpertStatus, Long> counts = new EnumMap<>(ExpertStatus.class);
        for (ExpertStatus x : ExpertStatus.values()) {
            counts.put(x, all.stream().filter(e -> e.status == x).count());
        }
        List<Row> rows = all.stream()
                .filter(e -> s.isEmpty() || e.status == s.get())
                .filter(e -> field == null || field.isBlank() || e.fields.contains(field))
                .sorted(Comparator.comparing((Expert e) -> e.status != ExpertStatus.PENDING).thenComparing(e -> e.id))
                .map(e -> new Row(e, fieldNames(e), average(e))).toList();
        return new StaffList(rows, counts, s.map(Enum::name).orElse(""), field == null ? "" : field, techFields.all(),
                List.of(ExpertStatus.values()));
    }

    public record StaffDetail(Expert expert, String fieldNames, String average, List<ExpertEvent> timeline,
            List<AssignmentView> assignments, List<ExpertRegistry.Decision> decisions) {}

    @Transactional
    public StaffDetail staffDetail(long id) {
        Expert e = Expert.<Expert>findByIdOptional(id).orElseThrow(() -> new NotFoundException("专家不存在"));
        List<AssignmentView> views = ExpertAssignment.<ExpertAssignment>list("expertId = ?1 order by id desc", id).stream()
                .map(a -> new AssignmentView(a, e, ExpertAdvice.forAssignment(a.id, false),
                        ExpertRating.forAssignment(a.id).orElse(null))).toList();
        List<ExpertRegistry.Decision> decisions = java.util.Arrays.stream(ExpertRegistry.Decision.values())
                .filter(d -> e.status.allows(d.action)).toList();
        return new StaffDetail(e, fieldNames(e), average(e), ExpertEvent.timeline(id, false), views, decisions);
    }

    /** The need's expert page for staff: its assignments and the active experts to choose from. */
    public record StaffNeed(NeedDirectory.NeedBrief need, List<AssignmentView> assignments, List<Row> candidates,
            String field, List<TechFields.Field> fields) {}

    @Transactional
    public StaffNeed staffNeed(long needId, String field) {
        NeedDirectory.NeedBrief need = needs.find(needId).orElseThrow(() -> new NotFoundException("需求不存在"));
        List<AssignmentView> views = new ArrayList<>();
        for (ExpertAssignment a : ExpertAssignment.forNeed(needId)) {
            views.add(new AssignmentView(a, Expert.findById(a.expertId), ExpertAdvice.forAssignment(a.id, false),
                    ExpertRating.forAssignment(a.id).orElse(null)));
        }
        List<Row> candidates = Expert.active().stream()
                .filter(e -> e.serviceModes().contains(ServiceMode.CONSULT) || e.serviceModes().contains(ServiceMode.ONSITE))
                .filter(e -> field == null || field.isBlank() || e.fields.contains(field))
                .map(e -> new Row(e, fieldNames(e), average(e))).toList();
        return new StaffNeed(need, views, candidates, field == null ? "" : field, techFields.all());
    }

    // ------------------------------------------------------------------ the public and the enterprise

    /** The public card: no contact details, no scores, only how many ratings there are. */
    public record Card(long id, String name, String title, String organisation, String fieldNames,
            List<String> specialities, String modes, String availability, String region, String profile,
            int ratingCount, long answered, boolean consults) {}

    @Transactional
    public Card card(long id) {
        Expert e = Expert.<Expert>findByIdOptional(id).filter(x -> x.status == ExpertStatus.ACTIVE)
                .orElseThrow(() -> new NotFoundException("未找到该专家"));
        long answered = ExpertAssignment.count("expertId = ?1 and status in ?2", id,
                List.of(AssignmentStatus.ANSWERED, AssignmentStatus.RATED));
        return new Card(e.id, e.name, e.title, e.organisation, fieldNames(e), List.copyOf(e.specialities),
                e.modeLabels(), e.availability, e.region, e.profile, e.ratingCount, answered,
                e.serviceModes().contains(ServiceMode.CONSULT));
    }

    public record Directory(List<Card> cards, String field, List<TechFields.Field> fields) {}

    @Transactional
    public Directory directory(String field) {
        List<Card> cards = Expert.active().stream()
                .filter(e -> field == null || field.isBlank() || e.fields.contains(field))
                .map(e -> new Card(e.id, e.name, e.title, e.organisation, fieldNames(e), List.copyOf(e.specialities),
                        e.modeLabels(), e.availability, e.region, e.profile, e.ratingCount, 0,
                        e.serviceModes().contains(ServiceMode.CONSULT))).toList();
        return new Directory(cards, field == null ? "" : field, techFields.all());
    }

    /** The enterprise's view of one expert consultation on its own need: visible advice, its rating. */
    public record EnterpriseAdvice(ExpertAssignment a, Card expert, List<ExpertAdvice> advice, ExpertRating rating) {}

    @Transactional
    public EnterpriseAdvice enterpriseAdvice(String subject, long id) {
        ExpertAssignment a = ExpertAssignment.<ExpertAssignment>findByIdOptional(id)
                .filter(x -> needs.own(x.trackingNo, subject).isPresent())
                .orElseThrow(() -> new NotFoundException("未找到该专家咨询"));
        Expert e = Expert.findById(a.expertId);
        Card card = new Card(e.id, e.name, e.title, e.organisation, fieldNames(e), List.copyOf(e.specialities),
                e.modeLabels(), "", "", "", e.ratingCount, 0, false);
        return new EnterpriseAdvice(a, card, ExpertAdvice.forAssignment(a.id, true),
                ExpertRating.forAssignment(a.id).orElse(null));
    }

    // ------------------------------------------------------------------ helpers

    private String fieldNames(Expert e) {
        return String.join("、", e.fields.stream().map(techFields::name).toList());
    }

    /** The mean score with one decimal, or "—" without ratings (staff only). */
    static String average(Expert e) {
        return e.ratingCount == 0 ? "—" : BigDecimal.valueOf(e.ratingSum)
                .divide(BigDecimal.valueOf(e.ratingCount), 1, RoundingMode.HALF_UP).toPlainString();
    }
}
