package cn.keyida.portal.projects;

import cn.keyida.portal.common.PortalClock;
import cn.keyida.portal.web.FieldErrors;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.NotFoundException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * The drawn expert's side: the conflict declaration comes first (before the full application is shown),
 * a declined invitation or a declared conflict draws a replacement by the same rules, then the scores.
 * Other reviewers' scores stay hidden from a reviewer until every reviewer who counts has submitted.
 */
@ApplicationScoped
public class ProjectReviews {

    private final PortalClock clock;
    private final ReviewerDraws draws;
    private final ProjectMails mails;
    private final ReviewerPool pool;

    ProjectReviews(PortalClock clock, ReviewerDraws draws, ProjectMails mails, ReviewerPool pool) {
        this.pool = pool;
        this.clock = clock;
        this.draws = draws;
        this.mails = mails;
    }

    /** No conflict of interest: the expert may now read the full application and score it. */
    @Transactional
    public ProjectReview declareNoConflict(String username, long reviewId, long version, String actor) {
        ProjectReview r = own(username, reviewId, version, ProjectReview.Status.INVITED);
        r.status = ProjectReview.Status.ACCEPTED;
        r.declaredAt = clock.now();
        ProjectApplication a = ProjectApplication.findById(r.applicationId);
        ProjectEvent.record(a, actor, "专家声明无利益冲突", a.status, r.expertName, false);
        return r;
    }

    /** A declared conflict: the expert leaves the application (and its organisation's), a replacement is drawn. */
    @Transactional
    public ProjectReview declareConflict(String username, long reviewId, long version, String note, String actor) {
        ProjectReview r = own(username, reviewId, version, ProjectReview.Status.INVITED);
        FieldErrors.Builder e = new FieldErrors.Builder();
        String n = ProjectInput.text(e, "note", "利益冲突说明", note, 1000, true);
        e.throwIfAny();
        ProjectApplication a = ProjectApplication.findById(r.applicationId);
        r.status = ProjectReview.Status.CONFLICT;
        r.declaredAt = clock.now();
        r.declineReason = n;
        ProjectConflict c = new ProjectConflict();
        c.expertId = r.expertId;
        c.applicationId = a.id;
        c.organisation = DrawRules.organisationKey(a.applicantName);
        c.note = n;
        c.at = clock.now();
        c.persist();
        ProjectEvent.record(a, actor, "专家声明利益冲突", a.status, r.expertName + "：" + n, false);
        draws.replace(a, r, "声明利益冲突", actor);
        return r;
    }

    /** The expert declines the invitation (with a reason): a replacement is drawn by the same rules. */
    @Transactional
    public ProjectReview decline(String username, long reviewId, long version, String reason, String actor) {
        ProjectReview r = own(username, reviewId, version, null);
        if (r.status != ProjectReview.Status.INVITED && r.status != ProjectReview.Status.ACCEPTED) {
            throw new ProjectConflictException("该评审邀请当前状态为“" + r.status.label + "”，不能谢绝。");
        }
        FieldErrors.Builder e = new FieldErrors.Builder();
        String n = ProjectInput.text(e, "reason", "谢绝理由", reason, 1000, true);
        e.throwIfAny();
        ProjectApplication a = ProjectApplication.findById(r.applicationId);
        r.status = ProjectReview.Status.DECLINED;
        r.declineReason = n;
        ProjectEvent.record(a, actor, "专家谢绝评审", a.status, r.expertName + "：" + n, false);
        draws.replace(a, r, "谢绝：" + n, actor);
        return r;
    }

    /** Scores per criterion (whole numbers from 0 to the weight) and a comment; the last reviewer tells staff. */
    @Transactional
    public ProjectReview score(String username, long reviewId, long version, List<String> scores, String comment,
            String actor) {
        ProjectReview r = own(username, reviewId, version, ProjectReview.Status.ACCEPTED);
        // reviewers of one application submit one after another, so exactly the last one sees all in
        ProjectApplication a = ProjectApplication.findById(r.applicationId, jakarta.persistence.LockModeType.PESSIMISTIC_WRITE);
        if (a.status != ProjectStatus.EXPERT_REVIEW) {
            throw new ProjectConflictException("该申报当前状态为“" + a.status.label + "”，不能评分。");
        }
        ProjectCall call = ProjectCall.findById(a.callId);
        FieldErrors.Builder e = new FieldErrors.Builder();
        List<Integer> values = new ArrayList<>();
        for (int i = 0; i < call.criteria.size(); i++) {
            ProjectCall.Criterion c = call.criteria.get(i);
            String v = scores == null || i >= scores.size() || scores.get(i) == null ? "" : scores.get(i).strip();
            Integer x = null;
            try {
                x = v.isEmpty() ? null : Integer.valueOf(v);
            } catch (NumberFormatException ignored) {
                // reported below
            }
            if (x == null || x < 0 || x > c.weight()) {
                e.add("score" + i, "“" + c.name() + "”请填写 0 至 " + c.weight() + " 之间的整数分");
            }
            values.add(x);
        }
        String text = ProjectInput.text(e, "comment", "评审意见", comment, 4000, true);
        e.throwIfAny();
        r.scores = values;
        r.total = BigDecimal.valueOf(values.stream().mapToInt(Integer::intValue).sum()).setScale(2);
        r.comment = text;
        r.status = ProjectReview.Status.SUBMITTED;
        r.submittedAt = clock.now();
        ProjectEvent.record(a, actor, "专家提交评分", a.status, r.expertName + "：" + r.total.stripTrailingZeros().toPlainString() + " 分", false);
        ProjectReview.getEntityManager().flush();
        if (allIn(a.id)) {
            mails.toStaff(a, "专家评审已全部完成", "可在项目库查看评分结果并作出立项决定。");
        }
        return r;
    }

    /** Every reviewer who still counts (not declined, not withdrawn for a conflict) has submitted. */
    static boolean allIn(long applicationId) {
        List<ProjectReview> active = ProjectReview.<ProjectReview>of(applicationId).stream().filter(x -> x.status.active())
                .toList();
        return !active.isEmpty() && active.stream().allMatch(x -> x.status == ProjectReview.Status.SUBMITTED);
    }

    /**
     * What a reviewer may see of the other reviewers' scores: nothing until all are in; then all of them.
     * (Staff always see every score; the applicant never sees a reviewer.)
     */
    static List<ProjectReview> othersVisibleTo(ProjectReview mine) {
        if (!allIn(mine.applicationId)) {
            return List.of();
        }
        return ProjectReview.<ProjectReview>of(mine.applicationId).stream()
                .filter(x -> x.status == ProjectReview.Status.SUBMITTED && !x.id.equals(mine.id)).toList();
    }

    private ProjectReview own(String username, long reviewId, long version, ProjectReview.Status required) {
        ProjectReview r = ProjectReview.findById(reviewId);
        if (r == null || !r.expertUsername.equals(username) || !pool.isActive(username)) {
            throw new NotFoundException();
        }
        if (r.version != version) {
            throw ProjectConflictException.stale();
        }
        if (required != null && r.status != required) {
            throw new ProjectConflictException("该评审当前状态为“" + r.status.label + "”，不能执行此操作。");
        }
        return r;
    }
}
