package cn.keyida.portal.projects;

import cn.keyida.portal.common.PortalClock;
import cn.keyida.portal.matching.Eligibility;
import cn.keyida.portal.matching.Facts;
import cn.keyida.portal.matching.Matcher;
import cn.keyida.portal.techfield.TechFields;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.NotFoundException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Everything the project pages show, read in one transaction and handed over as records. */
@ApplicationScoped
public class ProjectViews {

    public record CallRow(ProjectCall call, String fieldNames, long applications) {}

    public record PublicCall(ProjectCall call, String fieldNames, List<TechFields.Field> fields, boolean open) {}

    public record PublicityRow(ProjectApplication application, String callTitle, String programme, String fieldName,
            boolean open) {}

    public record Row(ProjectApplication application, String callTitle, String fieldName) {}

    public record MyHome(List<Row> applications, List<CallRow> open) {}

    public record Detail(ProjectApplication application, ProjectCall call, String fieldName, List<BudgetLine> budget,
            List<TeamMember> team, List<ProjectFile> files, List<ProjectEvent> timeline, List<ProjectReview> reviews,
            List<ProjectObjection> objections, ProjectResults.Result result) {}

    public record FieldGroup(String code, String name, List<ProjectApplication> applications, long waitingForDraw) {}

    public record ResultRow(ProjectApplication application, List<ProjectReview> reviews, ProjectResults.Result result) {}

    public record CallPage(ProjectCall call, List<FieldGroup> fields, List<ReviewerDraw> draws, List<ResultRow> results,
            long proposed) {}

    public record DrawRow(DrawRules.Candidate candidate, String exclusion, Integer order) {}

    public record DrawPage(ReviewerDraw draw, ProjectCall call, String fieldName, List<DrawRow> rows,
            ReviewerDraws.Replay replay) {}

    public record OtherScore(String label, BigDecimal total, List<Integer> scores, String comment) {}

    public record ReviewPage(ProjectReview review, ProjectCall call, String applicationTitle, String applicantName,
            String fieldName, List<TeamMember> team, boolean full, String summary, BigDecimal requestedAmount,
            List<BudgetLine> budget, List<ProjectFile> files, List<OtherScore> others, ProjectStatus applicationStatus) {

        public String scoreKey(int index) {
            return "score" + index;
        }
    }

    public record ExpertRow(ProjectReview review, String applicationTitle, String callTitle, String fieldName) {}

    public record FormPage(ProjectCall call, List<TechFields.Field> fields, Map<String, Object> values,
            List<ProjectForms.BudgetRow> budget, List<ProjectForms.MemberRow> team, ProjectApplication application,
            List<ProjectFile> files, List<FileKind> kinds, Matcher.Evaluation eligibility, boolean open) {

        public String value(String name) {
            Object v = values.get(name);
            return v == null ? "" : v.toString();
        }

        public boolean required(FileKind k) {
            return call.requiredFileKinds().contains(k);
        }

        public String fileKey(FileKind k) {
            return "file" + k.name();
        }

        public boolean has(FileKind k) {
            return files.stream().anyMatch(f -> f.kind == k);
        }
    }

    public record Search(List<Row> rows, List<TechFields.Field> fields, List<ProjectStatus> statuses, List<Integer> years,
            Map<String, String> filter, List<CallRow> calls) {}

    private final TechFields techFields;
    private final PortalClock clock;
    private final ReviewerDraws draws;
    private final ProjectsConfig config;

    private final ReviewerPool pool;

    ProjectViews(TechFields techFields, PortalClock clock, ReviewerDraws draws, ProjectsConfig config, ReviewerPool pool) {
        this.pool = pool;
        this.techFields = techFields;
        this.clock = clock;
        this.draws = draws;
        this.config = config;
    }

    // ------------------------------------------------------------------ public

    @Transactional
    public List<CallRow> openCalls() {
        return ProjectCall.open().stream().map(c -> new CallRow(c, fieldNames(c), 0)).toList();
    }

    @Transactional
    public PublicCall publicCall(long id) {
        ProjectCall c = ProjectCall.findById(id);
        if (c == null || c.status == CallStatus.DRAFT) {
            throw new NotFoundException();
        }
        return new PublicCall(c, fieldNames(c), fields(c), c.acceptsApplications(clock.today()));
    }

    /** Applications on 公示 now, and those whose 公示 ended in the last 30 days (with the outcome). */
    @Transactional
    public List<PublicityRow> publicity() {
        LocalDate today = clock.today();
        List<ProjectApplication> apps = ProjectApplication.list(
                "publicityFrom is not null and (status = ?1 or publicityUntil >= ?2) order by publicityFrom desc, id",
                ProjectStatus.PUBLICITY, today.minusDays(30));
        return apps.stream().map(a -> {
            ProjectCall c = ProjectCall.findById(a.callId);
            return new PublicityRow(a, c.title, c.programme, techFields.name(a.fieldCode),
                    a.status == ProjectStatus.PUBLICITY && !today.isAfter(a.publicityUntil));
        }).toList();
    }

    // ------------------------------------------------------------------ applicant

    @Transactional
    public MyHome myHome(String subject) {
        List<ProjectApplication> mine = ProjectApplication.list("applicantSubject = ?1 order by id desc", subject);
        return new MyHome(rows(mine), openCalls());
    }

    @Transactional
    public Detail myDetail(String subject, long id) {
        ProjectApplication a = ProjectApplication.findById(id);
        if (a == null || !a.applicantSubject.equals(subject)) {
            throw new NotFoundException();
        }
        return detail(a, false);
    }

    /** The form values of the applicant's application, for the edit form. */
    @Transactional
    public Map<String, Object> formValues(String subject, long id) {
        Detail d = myDetail(subject, id);
        Map<String, Object> v = new LinkedHashMap<>();
        ProjectApplication a = d.application();
        v.put("fieldCode", a.fieldCode);
        v.put("title", a.title);
        v.put("summary", a.summary);
        v.put("requestedAmount", a.requestedAmount.toPlainString());
        v.put("selfFunding", a.selfFunding.toPlainString());
        v.put("contactPerson", a.contactPerson);
        v.put("contactMobile", a.contactMobile);
        v.put("budgetItems", d.budget().stream().map(l -> l.item).toList());
        v.put("budgetAmounts", d.budget().stream().map(l -> l.amount.toPlainString()).toList());
        v.put("memberNames", d.team().stream().map(m -> m.name).toList());
        v.put("memberTitles", d.team().stream().map(m -> m.title).toList());
        v.put("memberOrganisations", d.team().stream().map(m -> m.organisation).toList());
        v.put("memberRoles", d.team().stream().map(m -> m.role).toList());
        v.put("version", String.valueOf(a.version));
        return v;
    }

    @Transactional
    public ProjectFile file(long applicationId, long fileId, String subject, String expert, boolean staff) {
        ProjectApplication a = ProjectApplication.findById(applicationId);
        ProjectFile f = ProjectFile.findById(fileId);
        if (a == null || f == null || !f.applicationId.equals(a.id)) {
            throw new NotFoundException();
        }
        boolean allowed = staff || (subject != null && a.applicantSubject.equals(subject))
                || (expert != null && pool.isActive(expert) && ProjectReview.count("applicationId = ?1 and expertUsername = ?2 and status in ?3",
                        a.id, expert, List.of(ProjectReview.Status.ACCEPTED, ProjectReview.Status.SUBMITTED)) > 0);
        if (!allowed) {
            throw new NotFoundException();
        }
        int size = f.data.length; // loads the lazy content inside the transaction
        assert size >= 0;
        return f;
    }

    /**
     * The application form: new (for the call) or the applicant's own application ({@code applicationId});
     * {@code values} null: the stored values (or empty).
     */
    @Transactional
    public FormPage formPage(String subject, Long callId, Long applicationId, Map<String, Object> values) {
        ProjectApplication a = null;
        ProjectCall c;
        Map<String, Object> v = values;
        if (applicationId != null) {
            a = ProjectApplication.findById(applicationId);
            if (a == null || !a.applicantSubject.equals(subject)) {
                throw new NotFoundException();
            }
            c = ProjectCall.findById(a.callId);
            if (v == null) {
                v = formValues(subject, applicationId);
            }
        } else {
            c = callId == null ? null : ProjectCall.findById(callId);
            if (c == null || c.status == CallStatus.DRAFT) {
                throw new NotFoundException();
            }
            if (v == null) {
                v = new LinkedHashMap<>();
                v.put("selfFunding", "0");
            }
        }
        Matcher.Evaluation eligibility = cn.keyida.portal.enterprise.EnterpriseProfile.findBySubject(subject)
                .map(p -> Matcher.evaluate(Eligibility.unsaved(c.qualificationList(), c.districtList()), Facts.of(p),
                        clock.today())).orElse(null);
        return new FormPage(c, fields(c), v, ProjectForms.budgetRows(v), ProjectForms.memberRows(v), a,
                a == null ? List.of() : ProjectFile.of(a.id), List.of(FileKind.values()), eligibility,
                c.acceptsApplications(clock.today()));
    }

    // ------------------------------------------------------------------ staff

    @Transactional
    public Search search(Map<String, String> filter) {
        StringBuilder q = new StringBuilder("1 = 1");
        Map<String, Object> p = new LinkedHashMap<>();
        String field = filter.getOrDefault("field", "");
        if (!field.isBlank()) {
            q.append(" and fieldCode = :field");
            p.put("field", field);
        }
        Long year = ProjectInput.id(filter.get("year"));
        if (year != null) {
            q.append(" and year = :year");
            p.put("year", year.intValue());
        }
        String status = filter.getOrDefault("status", "");
        for (ProjectStatus s : ProjectStatus.values()) {
            if (s.name().equals(status)) {
                q.append(" and status = :status");
                p.put("status", s);
            }
        }
        String org = filter.getOrDefault("organisation", "").strip();
        if (!org.isEmpty()) {
            q.append(" and lower(applicantName) like :org");
            p.put("org", "%" + org.toLowerCase().replace("%", "").replace("_", "") + "%");
        }
        BigDecimal min = amount(filter.get("min"));
        if (min != null) {
            q.append(" and requestedAmount >= :min");
            p.put("min", min);
        }
        BigDecimal max = amount(filter.get("max"));
        if (max != null) {
            q.append(" and requestedAmount <= :max");
            p.put("max", max);
        }
        Long call = ProjectInput.id(filter.get("call"));
        if (call != null) {
            q.append(" and callId = :call");
            p.put("call", call);
        }
        List<ProjectApplication> apps = ProjectApplication.find(q + " order by id desc", p).page(0, 200).list();
        List<Integer> years = new ArrayList<>();
        for (int y = clock.today().getYear(); y >= clock.today().getYear() - 5; y--) {
            years.add(y);
        }
        List<CallRow> calls = ProjectCall.<ProjectCall>list("order by id desc").stream()
                .map(c -> new CallRow(c, fieldNames(c), ProjectApplication.count("callId = ?1 and status <> ?2", c.id,
                        ProjectStatus.DRAFT))).toList();
        return new Search(rows(apps), techFields.all(), List.of(ProjectStatus.values()), years, filter, calls);
    }

    private static BigDecimal amount(String s) {
        try {
            BigDecimal v = s == null || s.isBlank() ? null : new BigDecimal(s.strip());
            // a filter beyond any stored amount would overflow PostgreSQL's numeric: ignored like a non-number
            return v == null || v.abs().compareTo(ProjectInput.BUDGET_MAX) > 0 ? null : v.setScale(2, java.math.RoundingMode.HALF_UP);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    @Transactional
    public Detail staffDetail(long id) {
        ProjectApplication a = ProjectApplication.findById(id);
        if (a == null || a.status == ProjectStatus.DRAFT) {
            throw new NotFoundException();
        }
        return detail(a, true);
    }

    /** The application an objection belongs to (404 for an unknown objection). */
    @Transactional
    public long objectionApplication(long objectionId) {
        ProjectObjection o = ProjectObjection.findById(objectionId);
        if (o == null) {
            throw new NotFoundException();
        }
        return o.applicationId;
    }

    @Transactional
    public CallPage staffCall(long id) {
        ProjectCall c = ProjectCall.findById(id);
        if (c == null) {
            throw new NotFoundException();
        }
        List<FieldGroup> groups = new ArrayList<>();
        for (String code : c.fieldList()) {
            List<ProjectApplication> apps = ProjectApplication.list("callId = ?1 and fieldCode = ?2 and status <> ?3 order by id",
                    c.id, code, ProjectStatus.DRAFT);
            groups.add(new FieldGroup(code, techFields.name(code), apps,
                    apps.stream().filter(a -> a.status == ProjectStatus.FORMAL_PASSED).count()));
        }
        List<ResultRow> results = new ArrayList<>();
        for (ProjectApplication a : ProjectApplication.<ProjectApplication>list("callId = ?1 order by id", c.id)) {
            List<ProjectReview> rs = ProjectReview.of(a.id);
            if (!rs.isEmpty()) {
                results.add(new ResultRow(a, rs, result(rs)));
            }
        }
        return new CallPage(c, groups, ReviewerDraw.ofCall(c.id), results,
                ProjectApplication.count("callId = ?1 and status = ?2", c.id, ProjectStatus.PROPOSED));
    }

    @Transactional
    public DrawPage draw(long id) {
        ReviewerDraws.Replay replay = draws.replay(id);
        ReviewerDraw d = replay.draw();
        Map<Long, String> reasons = new LinkedHashMap<>();
        d.exclusions.forEach(x -> reasons.put(x.expertId(), x.reason()));
        List<DrawRow> rows = d.candidates.stream().map(c -> new DrawRow(c, reasons.get(c.id()),
                d.drawn.contains(c.id()) ? d.drawn.indexOf(c.id()) + 1 : null)).toList();
        return new DrawPage(d, ProjectCall.findById(d.callId), techFields.name(d.fieldCode), rows, replay);
    }

    // ------------------------------------------------------------------ expert

    @Transactional
    public List<ExpertRow> expertHome(String username) {
        return ProjectReview.ofExpert(username).stream().map(r -> {
            ProjectApplication a = ProjectApplication.findById(r.applicationId);
            ProjectCall c = ProjectCall.findById(a.callId);
            return new ExpertRow(r, a.title, c.title, techFields.name(a.fieldCode));
        }).toList();
    }

    /**
     * The reviewer's page: before the conflict declaration only the applicant, its team and the field;
     * after it the whole application; the other reviewers' scores only when every reviewer has submitted.
     */
    @Transactional
    public ReviewPage review(String username, long reviewId) {
        ProjectReview r = ProjectReview.findById(reviewId);
        if (r == null || !r.expertUsername.equals(username) || !pool.isActive(username)) {
            throw new NotFoundException();
        }
        ProjectApplication a = ProjectApplication.findById(r.applicationId);
        ProjectCall c = ProjectCall.findById(a.callId);
        boolean full = r.status == ProjectReview.Status.ACCEPTED || r.status == ProjectReview.Status.SUBMITTED;
        List<OtherScore> others = new ArrayList<>();
        if (r.status == ProjectReview.Status.SUBMITTED) {
            int n = 1;
            for (ProjectReview o : ProjectReviews.othersVisibleTo(r)) {
                others.add(new OtherScore("其他评审专家 " + n++, o.total, o.scores, o.comment));
            }
        }
        return new ReviewPage(r, c, a.title, a.applicantName, techFields.name(a.fieldCode), TeamMember.of(a.id), full,
                full ? a.summary : null, full ? a.requestedAmount : null, full ? BudgetLine.of(a.id) : List.of(),
                full ? ProjectFile.of(a.id) : List.of(), others, a.status);
    }

    // ------------------------------------------------------------------ helpers

    private Detail detail(ProjectApplication a, boolean staff) {
        ProjectCall c = ProjectCall.findById(a.callId);
        List<ProjectReview> rs = staff ? ProjectReview.of(a.id) : List.of();
        return new Detail(a, c, techFields.name(a.fieldCode), BudgetLine.of(a.id), TeamMember.of(a.id), ProjectFile.of(a.id),
                ProjectEvent.timeline(a.id, staff), rs, staff ? ProjectObjection.of(a.id) : List.of(),
                staff ? result(rs) : null);
    }

    private ProjectResults.Result result(List<ProjectReview> rs) {
        return ProjectResults.of(rs.stream().filter(r -> r.status == ProjectReview.Status.SUBMITTED)
                .map(r -> new ProjectResults.Score(r.expertName, r.total)).toList(), config.outlierPoints());
    }

    private List<Row> rows(List<ProjectApplication> apps) {
        Map<Long, String> titles = new LinkedHashMap<>();
        return apps.stream().map(a -> new Row(a, titles.computeIfAbsent(a.callId,
                id -> Optional.ofNullable(ProjectCall.<ProjectCall>findById(id)).map(c -> c.title).orElse("")),
                techFields.name(a.fieldCode))).toList();
    }

    private List<TechFields.Field> fields(ProjectCall c) {
        return c.fieldList().stream().map(f -> techFields.find(f).orElse(null)).filter(f -> f != null).toList();
    }

    private String fieldNames(ProjectCall c) {
        return String.join("、", c.fieldList().stream().map(techFields::name).toList());
    }
}
