package cn.keyida.portal.experts;

import cn.keyida.portal.calendar.WorkingCalendar;
import cn.keyida.portal.common.DailyReminder;
import cn.keyida.portal.common.PortalClock;
import cn.keyida.portal.needs.NeedDirectory;
import cn.keyida.portal.needs.NeedSubmission;
import cn.keyida.portal.web.FieldErrors;
import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.NotFoundException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;

/**
 * Experts on needs. Staff hand a need to an active expert (or forward an enterprise's request made on
 * the expert's public card); the expert accepts or declines within {@link ExpertsConfig#respondWorkingDays}
 * working days, writes advice (for the enterprise or private to staff) and records on-site visits; the
 * enterprise rates the help once. Each step is checked against {@link AssignmentStatus}'s table and the
 * version the user saw, and leaves an entry on the expert's timeline, with its mails, in one transaction.
 */
@ApplicationScoped
public class AssignmentWorkflow implements DailyReminder {

    private final NeedDirectory needs;
    private final NeedSubmission submission;
    private final WorkingCalendar calendar;
    private final PortalClock clock;
    private final ExpertMails mails;
    private final ExpertsConfig config;

    AssignmentWorkflow(NeedDirectory needs, NeedSubmission submission, WorkingCalendar calendar, PortalClock clock,
            ExpertMails mails, ExpertsConfig config) {
        this.needs = needs;
        this.submission = submission;
        this.calendar = calendar;
        this.clock = clock;
        this.mails = mails;
        this.config = config;
    }

    // ------------------------------------------------------------------ staff

    /** Staff hand an open need (or the part described) to an active expert who gives advice. */
    @Transactional
    public ExpertAssignment assign(long needId, String expertId, String part, String actor) {
        NeedDirectory.NeedBrief need = needs.find(needId).orElseThrow(() -> new NotFoundException("需求不存在"));
        FieldErrors.Builder e = new FieldErrors.Builder();
        Expert expert = null;
        long id = ExpertRegistry.version(expertId);
        if (id <= 0) {
            e.add("expert", "请选择专家");
        } else {
            expert = Expert.<Expert>findByIdOptional(id).orElse(null);
            if (expert == null || expert.status != ExpertStatus.ACTIVE) {
                e.add("expert", "该专家不在库（未入库、已暂停或已出库），请选择在库专家");
            } else if (!expert.serviceModes().contains(ServiceMode.CONSULT)
                    && !expert.serviceModes().contains(ServiceMode.ONSITE)) {
                e.add("expert", "该专家不提供咨询或现场指导服务");
            }
        }
        String p = ExpertInput.text(e, "part", "咨询内容", part, 1000, false, true);
        e.throwIfAny();
        if (!need.open()) {
            throw new ExpertConflict("需求当前状态为“" + need.statusLabel() + "”，不能再分派专家。");
        }
        requireNoOpen(need.id(), expert);
        ExpertAssignment a = new ExpertAssignment();
        a.expertId = expert.id;
        a.needId = need.id();
        a.trackingNo = need.trackingNo();
        a.needTitle = need.title();
        a.part = p;
        a.origin = ExpertAssignment.Origin.STAFF;
        a.assignedBy = actor;
        a.status = AssignmentStatus.OFFERED;
        offer(a);
        a.persist();
        ExpertEvent.recordAssignment(a, actor, "分派需求", p);
        mails.toExpert(expert, a, "科技局邀请您为企业需求提供咨询", p.isEmpty() ? "" : "咨询内容：" + p);
        return a;
    }

    /** Staff forward an enterprise's request (made on the expert's card) to the expert. */
    @Transactional
    public ExpertAssignment forward(long needId, long id, long version, String actor) {
        ExpertAssignment a = load(needId, id, version);
        Expert expert = Expert.findById(a.expertId);
        if (expert.status != ExpertStatus.ACTIVE) {
            throw new ExpertConflict("该专家当前不在库（" + expert.status.label + "），不能转交，请撤回后另选专家。");
        }
        move(a, AssignmentAction.FORWARD);
        a.assignedBy = actor;
        offer(a);
        ExpertEvent.recordAssignment(a, actor, AssignmentAction.FORWARD.label, a.part);
        mails.toExpert(expert, a, "科技局邀请您为企业需求提供咨询", a.part.isEmpty() ? "" : "咨询内容：" + a.part);
        return a;
    }

    @Transactional
    public ExpertAssignment withdraw(long needId, long id, long version, String reason, String actor) {
        ExpertAssignment a = load(needId, id, version);
        require(a, AssignmentAction.WITHDRAW);
        FieldErrors.Builder e = new FieldErrors.Builder();
        String r = ExpertInput.text(e, "reason", "撤回原因", reason, 1000, true, true);
        e.throwIfAny();
        AssignmentStatus from = move(a, AssignmentAction.WITHDRAW);
        ExpertEvent.recordAssignment(a, actor, AssignmentAction.WITHDRAW.label, r);
        if (from != AssignmentStatus.REQUESTED) {
            mails.toExpert(Expert.findById(a.expertId), a, "科技局已撤回对您的咨询邀请", "原因：" + r);
        }
        return a;
    }

    // ------------------------------------------------------------------ the enterprise

    /**
     * An enterprise asks an expert for advice from the expert's public card: a need (category 人才/专家对接)
     * goes through the needs workflow as any other, and the request waits for staff to forward it.
     * The enterprise never sees the expert's contact details, nor the expert the enterprise's.
     */
    public ExpertAssignment askForAdvice(String subject, long expertId, String title, String question, String actor) {
        Expert expert = QuarkusTransaction.requiringNew().call(() -> Expert.<Expert>findByIdOptional(expertId)
                .filter(x -> x.status == ExpertStatus.ACTIVE).orElseThrow(() -> new NotFoundException("专家不存在")));
        if (!expert.serviceModes().contains(ServiceMode.CONSULT)) {
            throw new ExpertConflict("该专家暂不提供咨询服务。");
        }
        FieldErrors.Builder e = new FieldErrors.Builder();
        String t = ExpertInput.text(e, "title", "咨询主题", title, 90, true, false);
        String q = ExpertInput.text(e, "question", "咨询问题", question, 4000, true, true);
        if (!q.isEmpty() && q.length() < 10) {
            e.add("question", "请把问题写清楚一些（至少 10 个字）");
        }
        e.throwIfAny();
        var need = submission.submit(subject, new NeedSubmission.Submission("TALENT", "专家咨询：" + t,
                q + "\n\n（企业通过专家名片向" + expert.name + "专家提出咨询）", "", null, null, true), List.of(), actor)
                .orElseThrow(() -> new ExpertConflict("请先完善企业信息，再向专家咨询。"));
        return QuarkusTransaction.requiringNew().call(() -> {
            ExpertAssignment a = new ExpertAssignment();
            a.expertId = expert.id;
            a.needId = need.id;
            a.trackingNo = need.trackingNo;
            a.needTitle = need.title;
            a.part = "";
            a.origin = ExpertAssignment.Origin.ENTERPRISE;
            a.status = AssignmentStatus.REQUESTED;
            a.persist();
            ExpertEvent.recordAssignment(a, actor, "企业通过名片申请咨询", "");
            mails.toStaff(a, "企业申请由" + expert.name + "专家咨询，请转交或另行安排", "");
            return a;
        });
    }

    /** The enterprise rates the expert's help once (1–5, comment); the score adds to the expert's record. */
    @Transactional
    public ExpertAssignment rate(String subject, long id, long version, String score, String comment, String actor) {
        ExpertAssignment a = ExpertAssignment.<ExpertAssignment>findByIdOptional(id)
                .filter(x -> needs.own(x.trackingNo, subject).isPresent())
                .orElseThrow(() -> new NotFoundException("未找到该专家咨询"));
        if (a.status == AssignmentStatus.RATED) {
            throw new ExpertConflict("您已评价过这次专家咨询，每次咨询只能评价一次。");
        }
        requireVersion(a, version);
        require(a, AssignmentAction.RATE);
        FieldErrors.Builder e = new FieldErrors.Builder();
        int s = 0;
        try {
            s = Integer.parseInt(score == null ? "" : score.strip());
        } catch (NumberFormatException ex) {
            s = 0;
        }
        if (s < 1 || s > 5) {
            e.add("score", "请选择 1 至 5 分");
        }
        String c = ExpertInput.text(e, "comment", "评价意见", comment, 2000, false, true);
        e.throwIfAny();
        move(a, AssignmentAction.RATE);
        ExpertRating r = new ExpertRating();
        r.assignmentId = a.id;
        r.expertId = a.expertId;
        r.score = s;
        r.comment = c;
        r.ratedBy = subject;
        r.at = clock.now();
        r.persist();
        // Counters without the expert's version: a rating never makes a staff decision on the entry stale.
        Expert.getEntityManager().createNativeQuery(
                "update expert set rating_count = rating_count + 1, rating_sum = rating_sum + :s where id = :id")
                .setParameter("s", s).setParameter("id", a.expertId).executeUpdate();
        ExpertEvent.recordAssignment(a, actor, "企业评价", "");
        return a;
    }

    // ------------------------------------------------------------------ the expert

    @Transactional
    public ExpertAssignment accept(String subject, long id, long version, String actor) {
        ExpertAssignment a = own(subject, id, version);
        move(a, AssignmentAction.ACCEPT);
        a.acceptedAt = clock.now();
        ExpertEvent.recordAssignment(a, actor, AssignmentAction.ACCEPT.label, "");
        return a;
    }

    @Transactional
    public ExpertAssignment decline(String subject, long id, long version, String reason, String actor) {
        ExpertAssignment a = own(subject, id, version);
        require(a, AssignmentAction.DECLINE);
        FieldErrors.Builder e = new FieldErrors.Builder();
        String r = ExpertInput.text(e, "reason", "拒绝原因", reason, 1000, true, true);
        e.throwIfAny();
        move(a, AssignmentAction.DECLINE);
        a.declineReason = r;
        ExpertEvent.recordAssignment(a, actor, AssignmentAction.DECLINE.label, r);
        mails.toStaff(a, "专家拒绝了咨询邀请，请另选专家", "原因：" + r);
        return a;
    }

    /** Advice for the enterprise (shown on its need page and mailed), or a note private to staff. */
    @Transactional
    public ExpertAdvice advise(String subject, long id, long version, String text, boolean forEnterprise, String actor) {
        ExpertAssignment a = own(subject, id, version);
        AssignmentAction action = forEnterprise ? AssignmentAction.ADVISE : AssignmentAction.NOTE;
        require(a, action);
        FieldErrors.Builder e = new FieldErrors.Builder();
        String t = ExpertInput.text(e, "text", "意见内容", text, 5000, true, true);
        e.throwIfAny();
        AssignmentStatus from = move(a, action);
        if (forEnterprise && a.answeredAt == null) {
            a.answeredAt = clock.now();
        }
        ExpertAdvice advice = save(a, forEnterprise ? ExpertAdvice.Kind.ADVICE : ExpertAdvice.Kind.NOTE, t, null,
                forEnterprise, actor);
        ExpertEvent.recordAssignment(a, actor, action.label, forEnterprise ? "" : "（内部意见）");
        if (forEnterprise) {
            needs.find(a.needId).ifPresent(n -> mails.toEnterprise(n.mailAddress(), n.enterpriseName(), a,
                    "专家已对您的需求提出咨询意见", "请登录后在需求页面查看" + (from == AssignmentStatus.ACCEPTED ? "并评价专家服务" : "") + "。"));
        }
        mails.toStaff(a, forEnterprise ? "专家已提交咨询意见" : "专家提交了内部意见", t);
        return advice;
    }

    /** A 现场指导 visit the expert made: when, and what was done; the enterprise sees it on its need page. */
    @Transactional
    public ExpertAdvice recordVisit(String subject, long id, long version, String visitedOn, String text, String actor) {
        ExpertAssignment a = own(subject, id, version);
        require(a, AssignmentAction.VISIT);
        FieldErrors.Builder e = new FieldErrors.Builder();
        LocalDate day = null;
        if (visitedOn == null || visitedOn.isBlank()) {
            e.add("visitedOn", "请填写指导日期");
        } else {
            try {
                day = LocalDate.parse(visitedOn.strip());
                if (day.isAfter(clock.today())) {
                    e.add("visitedOn", "指导日期不能晚于今天");
                } else if (a.acceptedAt != null && day.isBefore(PortalClock.dayOf(a.acceptedAt).minusDays(30))) {
                    e.add("visitedOn", "指导日期不能早于接受咨询 30 天以上");
                }
            } catch (DateTimeParseException ex) {
                e.add("visitedOn", "指导日期格式不正确，请按 2026-03-01 的格式填写");
            }
        }
        String t = ExpertInput.text(e, "visitText", "指导内容", text, 5000, true, true);
        e.throwIfAny();
        move(a, AssignmentAction.VISIT);
        ExpertAdvice advice = save(a, ExpertAdvice.Kind.VISIT, t, day, true, actor);
        ExpertEvent.recordAssignment(a, actor, AssignmentAction.VISIT.label, day.toString());
        return advice;
    }

    // ------------------------------------------------------------------ the morning run

    /** Offers nobody answered by their date expire (staff are told to choose another expert); each once. */
    @Override
    public int remind(LocalDate today) {
        List<Long> due = QuarkusTransaction.requiringNew().call(() -> ExpertAssignment.<ExpertAssignment>list(
                "status = ?1 and respondBy < ?2", AssignmentStatus.OFFERED, today).stream().map(a -> a.id).toList());
        int n = 0;
        for (Long id : due) {
            try {
                n += QuarkusTransaction.requiringNew().call(() -> {
                    ExpertAssignment a = ExpertAssignment.findById(id);
                    if (a == null || a.status != AssignmentStatus.OFFERED || !a.respondBy.isBefore(today)) {
                        return 0;
                    }
                    move(a, AssignmentAction.EXPIRE);
                    ExpertEvent.recordAssignment(a, "系统", AssignmentAction.EXPIRE.label, "应于 " + a.respondBy + " 前答复");
                    mails.toStaff(a, "专家逾期未接受咨询邀请，请另选专家", "");
                    return 1;
                });
            } catch (RuntimeException e) {
                Log.infof("Assignment %d changed while expiring it; someone else was first", id);
            }
        }
        return n;
    }

    // ------------------------------------------------------------------ helpers

    private void offer(ExpertAssignment a) {
        a.offeredAt = clock.now();
        a.respondBy = calendar.fromToday(config.respondWorkingDays());
    }

    private static void requireNoOpen(long needId, Expert expert) {
        if (ExpertAssignment.count("needId = ?1 and expertId = ?2 and status in ?3", needId, expert.id,
                AssignmentStatus.OPEN) > 0) {
            throw new ExpertConflict(expert.name + "专家已在处理这个需求。");
        }
    }

    private ExpertAdvice save(ExpertAssignment a, ExpertAdvice.Kind kind, String text, LocalDate day, boolean visible,
            String actor) {
        ExpertAdvice advice = new ExpertAdvice();
        advice.assignmentId = a.id;
        advice.kind = kind;
        advice.text = text;
        advice.visitedOn = day;
        advice.visibleToEnterprise = visible;
        advice.actor = actor;
        advice.at = clock.now();
        advice.persist();
        return advice;
    }

    /** The expert's own assignment (404 for anyone else's), at the version the expert saw. */
    private static ExpertAssignment own(String subject, long id, long version) {
        Expert me = Expert.findBySubject(subject).orElseThrow(() -> new NotFoundException("未找到该咨询"));
        ExpertAssignment a = ExpertAssignment.<ExpertAssignment>findByIdOptional(id)
                .filter(x -> x.expertId.equals(me.id) && x.status != AssignmentStatus.REQUESTED)
                .orElseThrow(() -> new NotFoundException("未找到该咨询"));
        if (me.status != ExpertStatus.ACTIVE) {
            throw new ExpertConflict("您在专家库中的状态为“" + me.status.label + "”，暂不能办理咨询。");
        }
        requireVersion(a, version);
        // every step of the expert bumps the version, those that keep the state too (advice, visits), so
        // two tabs cannot both post from the same page
        ExpertAssignment.getEntityManager().lock(a, jakarta.persistence.LockModeType.OPTIMISTIC_FORCE_INCREMENT);
        return a;
    }

    private static ExpertAssignment load(long needId, long id, long version) {
        ExpertAssignment a = ExpertAssignment.<ExpertAssignment>findByIdOptional(id).filter(x -> x.needId == needId)
                .orElseThrow(() -> new NotFoundException("未找到该专家咨询"));
        requireVersion(a, version);
        return a;
    }

    private static void requireVersion(ExpertAssignment a, long version) {
        if (a.version != version) {
            throw ExpertConflict.stale();
        }
    }

    private static void require(ExpertAssignment a, AssignmentAction action) {
        if (!a.status.allows(action)) {
            throw refused(a, action);
        }
    }

    private static AssignmentStatus move(ExpertAssignment a, AssignmentAction action) {
        AssignmentStatus from = a.status;
        a.status = from.after(action).orElseThrow(() -> refused(a, action));
        return from;
    }

    private static ExpertConflict refused(ExpertAssignment a, AssignmentAction action) {
        return new ExpertConflict("该咨询当前状态为“" + a.status.label + "”，不能" + action.label + "。");
    }
}
