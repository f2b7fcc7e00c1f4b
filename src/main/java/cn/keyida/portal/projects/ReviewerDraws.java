package cn.keyida.portal.projects;

import cn.keyida.portal.calendar.WorkingCalendar;
import cn.keyida.portal.common.PortalClock;
import cn.keyida.portal.web.FieldErrors;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.NotFoundException;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The reviewer draw (专家抽取) and its replay. Draws take a PostgreSQL transaction-level advisory lock, so
 * the yearly counts they read are never raced by another draw on any instance. What a draw saw (the
 * candidates, every exclusion with its reason, the seed) is stored with what it drew.
 */
@ApplicationScoped
public class ReviewerDraws {

    /** The replay of a stored draw: recomputed from the stored seed and candidates, and from the records as of the draw. */
    public record Replay(ReviewerDraw draw, List<Long> drawn, List<DrawRules.Exclusion> exclusions, boolean sameDrawn,
            boolean sameExclusions) {
        public boolean same() {
            return sameDrawn && sameExclusions;
        }
    }

    private static final SecureRandom SEEDS = new SecureRandom();

    private final ReviewerPool pool;
    private final PortalClock clock;
    private final WorkingCalendar calendar;
    private final ProjectsConfig config;
    private final ProjectMails mails;
    private final cn.keyida.portal.experts.ExpertNotices notices;

    ReviewerDraws(ReviewerPool pool, PortalClock clock, WorkingCalendar calendar, ProjectsConfig config, ProjectMails mails,
            cn.keyida.portal.experts.ExpertNotices notices) {
        this.pool = pool;
        this.clock = clock;
        this.calendar = calendar;
        this.config = config;
        this.mails = mails;
        this.notices = notices;
    }

    /**
     * Draws the call's number of reviewers for one field among its active pool experts, for every
     * application of the field that passed the formal review; they all go to 专家评审.
     * {@code seedText} blank: a fresh random seed.
     */
    @Transactional
    public ReviewerDraw drawField(long callId, String fieldCode, String seedText, String actor) {
        ProjectCall call = ProjectCall.findById(callId);
        if (call == null) {
            throw new NotFoundException();
        }
        FieldErrors.Builder e = new FieldErrors.Builder();
        if (fieldCode == null || !call.fieldList().contains(fieldCode)) {
            e.add("field", "请选择本指南的技术领域");
        }
        long seed = seed(e, seedText);
        e.throwIfAny();
        lock();
        List<ProjectApplication> apps = ProjectApplication.list("callId = ?1 and fieldCode = ?2 and status = ?3 order by id",
                callId, fieldCode, ProjectStatus.FORMAL_PASSED);
        if (apps.isEmpty()) {
            throw new ProjectConflictException("该领域没有已通过形式审查、待抽取专家的申报。");
        }
        int year = clock.today().getYear();
        List<DrawRules.Candidate> candidates = DrawRules.ordered(pool.active(fieldCode));
        Set<Long> appIds = apps.stream().map(a -> a.id).collect(Collectors.toSet());
        Set<String> orgs = apps.stream().map(a -> DrawRules.organisationKey(a.applicantName)).collect(Collectors.toSet());
        DrawRules.Context ctx = new DrawRules.Context(orgs, conflicted(appIds, orgs, null), drawsInYear(year, null),
                config.maxDrawsPerYear(), listed(appIds, null));
        List<DrawRules.Exclusion> exclusions = DrawRules.exclusions(candidates, ctx);
        List<Long> drawn = DrawRules.pick(seed, candidates, exclusions, call.reviewersPerField);
        if (drawn.size() < call.reviewersPerField) {
            throw new ProjectConflictException("符合条件的专家不足：本次需要 " + call.reviewersPerField + " 位，候选 "
                    + candidates.size() + " 位中排除 " + exclusions.size() + " 位后仅剩 " + drawn.size() + " 位。未进行抽取。");
        }
        ReviewerDraw d = store(call, fieldCode, null, ReviewerDraw.Kind.FIELD, seed, call.reviewersPerField, candidates,
                exclusions, drawn, "首次抽取（" + apps.size() + " 项申报）", actor, year);
        LocalDate due = calendar.fromToday(call.reviewDays);
        Map<Long, DrawRules.Candidate> byId = byId(candidates);
        String names = drawn.stream().map(id -> byId.get(id).name() + "（" + byId.get(id).organisation() + "）")
                .collect(Collectors.joining("、"));
        for (ProjectApplication a : apps) {
            for (Long id : drawn) {
                invite(a, d, byId.get(id), due);
            }
            ProjectStatus from = ProjectWorkflow.move(a, ProjectAction.START_EXPERT_REVIEW);
            ProjectEvent.record(a, actor, "进入专家评审", from, "", true);
            ProjectEvent.record(a, actor, "抽取评审专家", a.status, names + "（抽取记录 #" + d.id + "，种子 " + seed + "）", false);
            mails.toApplicant(a, "进入专家评审", "");
        }
        return d;
    }

    /**
     * A reviewer of {@code a} declined or declared a conflict: one replacement by the same rules (the
     * experts already on the application's list are left out too). Stored as a draw even when nobody is
     * left, so the audit shows why; staff are mailed then.
     */
    ReviewerDraw replace(ProjectApplication a, ProjectReview leaving, String why, String actor) {
        lock();
        ProjectCall call = ProjectCall.findById(a.callId);
        int year = clock.today().getYear();
        long seed = SEEDS.nextLong();
        List<DrawRules.Candidate> candidates = DrawRules.ordered(pool.active(a.fieldCode));
        Set<String> orgs = Set.of(DrawRules.organisationKey(a.applicantName));
        DrawRules.Context ctx = new DrawRules.Context(orgs, conflicted(Set.of(a.id), orgs, null), drawsInYear(year, null),
                config.maxDrawsPerYear(), listed(Set.of(a.id), null));
        List<DrawRules.Exclusion> exclusions = DrawRules.exclusions(candidates, ctx);
        List<Long> drawn = DrawRules.pick(seed, candidates, exclusions, 1);
        ReviewerDraw d = store(call, a.fieldCode, a.id, ReviewerDraw.Kind.REPLACEMENT, seed, 1, candidates, exclusions,
                drawn, "替补 " + leaving.expertName + "（" + why + "）", actor, year);
        if (drawn.isEmpty()) {
            ProjectEvent.record(a, actor, "替补抽取", a.status, "无符合条件的替补专家（抽取记录 #" + d.id + "）", false);
            mails.toStaff(a, "替补抽取没有符合条件的专家", "请扩大专家库或调整评审安排。抽取记录 #" + d.id);
        } else {
            DrawRules.Candidate c = byId(candidates).get(drawn.get(0));
            invite(a, d, c, calendar.fromToday(call.reviewDays));
            ProjectEvent.record(a, actor, "替补抽取", a.status, "替补 " + leaving.expertName + "：" + c.name() + "（"
                    + c.organisation() + "，抽取记录 #" + d.id + "）", false);
        }
        return d;
    }

    /** Recomputes a stored draw: the drawn list from its seed, candidates and exclusions; the exclusions from the records as they were. */
    @Transactional
    public Replay replay(long drawId) {
        ReviewerDraw d = ReviewerDraw.findById(drawId);
        if (d == null) {
            throw new NotFoundException();
        }
        List<Long> drawn = DrawRules.pick(d.seed, d.candidates, d.exclusions, d.wanted);
        Set<Long> appIds;
        if (d.kind == ReviewerDraw.Kind.REPLACEMENT) {
            appIds = Set.of(d.applicationId);
        } else {
            appIds = ProjectReview.<ProjectReview>list("drawId", d.id).stream().map(r -> r.applicationId)
                    .collect(Collectors.toSet());
        }
        Set<String> orgs = new HashSet<>();
        for (Long id : appIds) {
            ProjectApplication a = ProjectApplication.findById(id);
            orgs.add(DrawRules.organisationKey(a.applicantName));
        }
        DrawRules.Context ctx = new DrawRules.Context(orgs, conflicted(appIds, orgs, d.at), drawsInYear(d.year, d.id),
                config.maxDrawsPerYear(), listed(appIds, d.id));
        List<DrawRules.Exclusion> exclusions = DrawRules.exclusions(d.candidates, ctx);
        return new Replay(d, drawn, exclusions, drawn.equals(d.drawn), exclusions.equals(d.exclusions));
    }

    // ------------------------------------------------------------------ helpers

    private void invite(ProjectApplication a, ReviewerDraw d, DrawRules.Candidate c, LocalDate due) {
        ProjectReview r = new ProjectReview();
        r.applicationId = a.id;
        r.drawId = d.id;
        r.expertId = c.id();
        r.expertUsername = c.username();
        r.expertName = c.name();
        r.status = ProjectReview.Status.INVITED;
        r.due = due;
        r.persist();
        notices.drawnToReview(c.username(), "科技计划项目“" + a.title + "”（申报单位：" + a.applicantName + "）", due,
                "/expert/projects/" + r.id);
    }

    private ReviewerDraw store(ProjectCall call, String field, Long applicationId, ReviewerDraw.Kind kind, long seed,
            int wanted, List<DrawRules.Candidate> candidates, List<DrawRules.Exclusion> exclusions, List<Long> drawn,
            String reason, String actor, int year) {
        ReviewerDraw d = new ReviewerDraw();
        d.callId = call.id;
        d.fieldCode = field;
        d.applicationId = applicationId;
        d.kind = kind;
        d.seed = seed;
        d.wanted = wanted;
        d.candidates = new ArrayList<>(candidates);
        d.exclusions = new ArrayList<>(exclusions);
        d.drawn = new ArrayList<>(drawn);
        d.reason = reason;
        d.actor = actor;
        d.at = clock.now();
        d.year = year;
        d.persist();
        return d;
    }

    private static long seed(FieldErrors.Builder e, String text) {
        if (text == null || text.isBlank()) {
            return SEEDS.nextLong();
        }
        try {
            return Long.parseLong(text.strip());
        } catch (NumberFormatException x) {
            e.add("seed", "随机种子请填写整数，或留空由系统生成");
            return 0;
        }
    }

    /** Serialises every draw (and replacement) across instances until the transaction ends. */
    private static void lock() {
        em().createNativeQuery("select pg_advisory_xact_lock(hashtext('project_draw'))").getSingleResult();
    }

    /** Experts who declared a conflict with one of the applications or with one of their organisations (before {@code at}). */
    private static Set<Long> conflicted(Collection<Long> appIds, Collection<String> orgs, Instant at) {
        List<ProjectConflict> all = at == null
                ? ProjectConflict.list("applicationId in ?1 or organisation in ?2", appIds, orgs)
                : ProjectConflict.list("(applicationId in ?1 or organisation in ?2) and at <= ?3", appIds, orgs, at);
        return all.stream().map(c -> c.expertId).collect(Collectors.toSet());
    }

    /** How often each expert was drawn in the year (by draws before {@code beforeDraw}, when given). */
    @SuppressWarnings("unchecked")
    static Map<Long, Integer> drawsInYear(int year, Long beforeDraw) {
        List<Object[]> rows = em().createNativeQuery(
                "select cast(x.e as bigint), count(*) from project_draw d, jsonb_array_elements_text(d.drawn) as x(e)"
                        + " where d.year = :y and d.id < :before group by 1")
                .setParameter("y", year).setParameter("before", beforeDraw == null ? Long.MAX_VALUE : beforeDraw)
                .getResultList();
        Map<Long, Integer> out = new HashMap<>();
        for (Object[] r : rows) {
            out.put(((Number) r[0]).longValue(), ((Number) r[1]).intValue());
        }
        return out;
    }

    /** Experts already on the list of one of the applications (by reviews of draws before {@code beforeDraw}). */
    private static Set<Long> listed(Collection<Long> appIds, Long beforeDraw) {
        List<ProjectReview> reviews = beforeDraw == null ? ProjectReview.list("applicationId in ?1", appIds)
                : ProjectReview.list("applicationId in ?1 and drawId < ?2", appIds, beforeDraw);
        return reviews.stream().map(r -> r.expertId).collect(Collectors.toSet());
    }

    private static Map<Long, DrawRules.Candidate> byId(List<DrawRules.Candidate> candidates) {
        Map<Long, DrawRules.Candidate> m = new HashMap<>();
        candidates.forEach(c -> m.put(c.id(), c));
        return m;
    }

    private static EntityManager em() {
        return ProjectApplication.getEntityManager();
    }
}
