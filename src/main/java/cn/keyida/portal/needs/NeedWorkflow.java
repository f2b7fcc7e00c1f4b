package cn.keyida.portal.needs;

import cn.keyida.portal.calendar.WorkingCalendar;
import cn.keyida.portal.calendar.WorkingDays;
import cn.keyida.portal.common.PersonalDataErasure;
import cn.keyida.portal.common.PortalClock;
import cn.keyida.portal.staff.StaffDirectory;
import cn.keyida.portal.staff.StaffMember;
import cn.keyida.portal.web.InvalidInputException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.NotFoundException;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Base64;

/**
 * The need workflow after submission. Every state change is checked against the transition table of
 * {@link NeedStatus} (409 with the reason otherwise) and against the version the user saw (409 when
 * someone else acted first), and leaves an entry in the append-only timeline, all in one transaction
 * with the mails it causes.
 */
@ApplicationScoped
public class NeedWorkflow {

    public record FollowUpInput(FollowUp.Kind kind, Instant happenedAt, String participants, String notes,
            String outcome, LocalDate nextStepDate, boolean visibleToEnterprise) {}

    public record CallbackInput(boolean reached, NeedCallback.Satisfaction satisfaction,
            NeedCallback.Resolved resolved, String comment) {}

    private static final SecureRandom RANDOM = new SecureRandom();

    private final WorkingCalendar calendar;
    private final PortalClock clock;
    private final StaffDirectory staff;
    private final NeedMails mails;
    private final NeedsConfig config;

    NeedWorkflow(WorkingCalendar calendar, PortalClock clock, StaffDirectory staff, NeedMails mails,
            NeedsConfig config) {
        this.calendar = calendar;
        this.clock = clock;
        this.staff = staff;
        this.mails = mails;
        this.config = config;
    }

    // ------------------------------------------------------------------ enterprise

    /** The enterprise answers a request for information; the deadline runs again. */
    @Transactional
    public Need addInformation(String trackingNo, String subject, long version, String text, String actor) {
        Need need = own(trackingNo, subject, version);
        requireText(text, "请填写补充说明");
        NeedValidation.checkLength("补充说明", text, 5000);
        if (need.status == NeedStatus.WAITING_INFO) {
            resume(need);
        }
        NeedStatus from = move(need, NeedAction.ADD_INFORMATION);
        NeedEvent.record(need, actor, "企业补充材料", from, text.strip(), true);
        notifyAssignee(need, "企业已补充材料", text.strip());
        return need;
    }

    /**
     * The enterprise answers a need staff recorded on a service visit: confirms it as written (no
     * correction) or corrects it with its own words, which become the description; the timeline keeps
     * what staff wrote, and staff see the answer there. Not a state change: the need goes on as it is.
     */
    @Transactional
    public Need confirmFromVisit(String trackingNo, String subject, long version, String correction, String actor) {
        Need need = own(trackingNo, subject, version);
        if (!"VISIT".equals(need.source)) {
            throw new NeedConflictException("该需求由贵单位自行提交，无需确认。");
        }
        if (need.sourceConfirmation != null) {
            throw new NeedConflictException("贵单位已" + ("CORRECTED".equals(need.sourceConfirmation) ? "更正" : "确认")
                    + "过该走访记录。如需补充，请使用“补充说明”。");
        }
        String text = correction == null ? "" : correction.strip();
        if (text.isEmpty()) {
            need.sourceConfirmation = "CONFIRMED";
            NeedEvent.record(need, actor, "企业确认走访记录", need.status, "企业确认走访记录的需求内容无误。", true);
            return need;
        }
        NeedValidation.checkLength("更正内容", text, 5000);
        String recorded = need.description;
        need.sourceConfirmation = "CORRECTED";
        need.description = text;
        NeedEvent.record(need, actor, "企业更正走访记录", need.status, "更正为：" + text + "\n原记录：" + recorded, true);
        notifyAssignee(need, "企业已更正走访记录的需求", text);
        return need;
    }

    @Transactional
    public Need withdraw(String trackingNo, String subject, long version, String reason, String actor) {
        Need need = own(trackingNo, subject, version);
        NeedStatus from = move(need, NeedAction.WITHDRAW);
        need.closedAt = clock.now();
        NeedEvent.record(need, actor, "企业撤回", from, reason, true);
        return need;
    }

    /** The logged-in enterprise rates the result on its need page. */
    @Transactional
    public Need rateOnline(String trackingNo, String subject, long version, CallbackInput in, String actor) {
        Need need = own(trackingNo, subject, version);
        requireNotRated(need);
        require(need, rating(in));
        saveCallback(need, "ONLINE", in, actor);
        CallbackLink.invalidateAll(need.id);
        return afterCallback(need, in, actor);
    }

    /** The enterprise answers through the one-click link from the resolution mail. */
    @Transactional
    public Need answerCallbackLink(String token, CallbackInput in) {
        CallbackLink link = CallbackLink.findValid(CallbackLink.hash(token))
                .orElseThrow(() -> new NeedConflictException("评价链接无效、已使用或已过期。如需评价，请登录后在“我的需求”中操作。"));
        Need need = Need.findById(link.needId);
        requireNotRated(need);
        require(need, rating(in));
        link.usedAt = clock.now();
        String actor = need.enterprise.name + "（在线评价）";
        saveCallback(need, "ONLINE", in, actor);
        return afterCallback(need, in, actor);
    }

    // ------------------------------------------------------------------ staff

    /** Accepts the need; the enterprise gets a mail with the deadline. */
    @Transactional
    public Need accept(long id, long version, String note, String actor) {
        Need need = load(id, version);
        acceptNeed(need, note, actor);
        mails.accepted(need, note, null);
        return need;
    }

    /**
     * 受理并由我办理: accept, assign to the staff member who clicks, and start handling, in one step
     * (one transaction, three timeline entries, one mail to the enterprise naming the handler).
     */
    @Transactional
    public Need acceptAndTake(long id, long version, String note, String username, String actor) {
        Need need = load(id, version);
        require(need, NeedAction.ACCEPT);
        StaffMember me = staff.find(username).filter(s -> s.active)
                .orElseThrow(() -> new InvalidInputException("您不在承办人名单中，不能自行承办，请分派给承办人"));
        acceptNeed(need, note, actor);
        need.assignee = me.username;
        need.departmentId = me.departmentId;
        NeedEvent.record(need, actor, "分派", move(need, NeedAction.ASSIGN), me.displayName + "（自行承办）", true);
        NeedEvent.record(need, actor, "开始办理", move(need, NeedAction.START), "", true);
        mails.accepted(need, note, me.displayName);
        return need;
    }

    private void acceptNeed(Need need, String note, String actor) {
        NeedStatus from = move(need, NeedAction.ACCEPT);
        need.acceptedAt = clock.now();
        need.resolveDue = calendar.fromToday(need.category.resolveDays);
        NeedEvent.record(need, actor, "受理", from, note, true);
    }

    @Transactional
    public Need returnNeed(long id, long version, String reason, String actor) {
        Need need = load(id, version);
        require(need, NeedAction.RETURN);
        requireText(reason, "请填写退回原因，例如：不属于科技部门职责范围");
        NeedStatus from = move(need, NeedAction.RETURN);
        need.closedAt = clock.now();
        NeedEvent.record(need, actor, "退回", from, reason.strip(), true);
        mails.returned(need, reason.strip());
        return need;
    }

    /** Assigns, or transfers to another staff member; the history keeps every hand-over. */
    @Transactional
    public Need assign(long id, long version, String username, String note, String actor) {
        Need need = load(id, version);
        require(need, NeedAction.ASSIGN);
        StaffMember member = staff.find(username).filter(s -> s.active)
                .orElseThrow(() -> new InvalidInputException("请选择承办人"));
        if (member.username.equals(need.assignee)) {
            throw new NeedConflictException("该需求已由" + member.displayName + "承办");
        }
        String previous = need.assignee;
        need.assignee = member.username;
        need.departmentId = member.departmentId;
        NeedStatus from = move(need, NeedAction.ASSIGN);
        NeedEvent.record(need, actor, previous == null ? "分派" : "转办",
                from, (previous == null ? "" : previous + " → ") + member.displayName
                        + (note == null || note.isBlank() ? "" : "：" + note.strip()), previous == null);
        mails.assigned(need, member);
        return need;
    }

    @Transactional
    public Need start(long id, long version, String actor) {
        Need need = load(id, version);
        NeedStatus from = move(need, NeedAction.START);
        NeedEvent.record(need, actor, "开始办理", from, "", true);
        return need;
    }

    /** Asks the enterprise for information; the deadline pauses until it answers. */
    @Transactional
    public Need askInformation(long id, long version, String question, String actor) {
        Need need = load(id, version);
        require(need, NeedAction.ASK_INFORMATION);
        requireText(question, "请说明需要企业补充的内容");
        NeedStatus from = move(need, NeedAction.ASK_INFORMATION);
        need.pausedSince = clock.now();
        NeedEvent.record(need, actor, "要求补充材料", from, question.strip(), true);
        mails.informationRequested(need, question.strip());
        return need;
    }

    @Transactional
    public Need resolve(long id, long version, String summary, String actor) {
        Need need = load(id, version);
        require(need, NeedAction.RESOLVE);
        requireText(summary, "请填写办理结果");
        NeedValidation.checkLength("办理结果", summary, 5000);
        NeedStatus from = move(need, NeedAction.RESOLVE);
        need.resolution = summary.strip();
        need.resolvedAt = clock.now();
        need.callbackDue = calendar.fromToday(need.category.callbackDays);
        NeedEvent.record(need, actor, "办结", from, need.resolution, true);
        mails.resolved(need, newCallbackLink(need));
        return need;
    }

    /** Follow-ups do not change the state; they are allowed while the need is being handled. */
    @Transactional
    public FollowUp recordFollowUp(long id, FollowUpInput in, String actor) {
        Need need = Need.<Need>findByIdOptional(id).orElseThrow(() -> new NotFoundException("需求不存在"));
        require(need, NeedAction.FOLLOW_UP);
        if (in.kind() == null) {
            throw new InvalidInputException("请选择跟进方式");
        }
        requireText(in.notes(), "请填写跟进内容");
        NeedValidation.checkLength("跟进内容", in.notes(), 5000);
        NeedValidation.checkLength("参与人员", in.participants(), 500);
        NeedValidation.checkLength("跟进结果", in.outcome(), 5000);
        FollowUp f = new FollowUp();
        f.needId = need.id;
        f.kind = in.kind();
        f.happenedAt = in.happenedAt() == null ? clock.now() : in.happenedAt();
        f.participants = in.participants() == null ? "" : in.participants().strip();
        f.notes = in.notes().strip();
        f.outcome = in.outcome() == null ? "" : in.outcome().strip();
        f.nextStepDate = in.nextStepDate();
        f.visibleToEnterprise = in.visibleToEnterprise();
        f.actor = actor;
        f.createdAt = clock.now();
        f.persist();
        NeedEvent.record(need, actor, in.kind().label, need.status,
                in.visibleToEnterprise() ? f.notes : "（内部记录）", in.visibleToEnterprise());
        return f;
    }

    /** A phone callback by staff. Reached and unsatisfied → the need is reopened. */
    @Transactional
    public Need recordCallback(long id, long version, CallbackInput in, String actor) {
        Need need = load(id, version);
        require(need, NeedAction.CALLBACK_UNREACHED);
        saveCallback(need, "PHONE", in, actor);
        if (!in.reached()) {
            NeedEvent.record(need, actor, "电话回访未接通", move(need, NeedAction.CALLBACK_UNREACHED), in.comment(), false);
            return need;
        }
        return afterCallback(need, in, actor);
    }

    @Transactional
    public Need close(long id, long version, String actor) {
        Need need = load(id, version);
        NeedStatus from = move(need, NeedAction.CLOSE);
        need.closedAt = clock.now();
        NeedEvent.record(need, actor, "关闭", from, "", true);
        return need;
    }

    // ------------------------------------------------------------------ personal data

    /**
     * The enterprise deleted its personal data: its needs stay, anonymised, because the bureau's
     * statistics count them; open ones are withdrawn. Each shows the erasure on its timeline.
     */
    void erase(@Observes PersonalDataErasure erasure) {
        NeedAttachment.delete("needId in (select n.id from Need n where n.enterprise.id = ?1)", erasure.profileId());
        for (Need need : Need.<Need>list("enterprise.id", erasure.profileId())) {
            NeedStatus from = move(need, NeedAction.ERASE_PERSONAL_DATA);
            if (from.isOpen()) {
                need.closedAt = clock.now();
            }
            need.title = ERASED;
            need.description = ERASED;
            need.expectedOutcome = "";
            need.budget = null;
            need.wantedBy = null;
            NeedEvent.record(need, "企业", "企业删除个人信息", from, "", true);
        }
        // The enterprise's own words and names elsewhere in the record; statuses, dates and
        // satisfaction values stay for the statistics.
        NeedEvent.anonymiseEnterpriseEntries(erasure.profileId(), ERASED);
        FollowUp.anonymise(erasure.profileId(), ERASED);
        NeedCallback.anonymise(erasure.profileId());
    }

    private static final String ERASED = "（企业已删除个人信息）";

    // ------------------------------------------------------------------ helpers

    private static NeedAction rating(CallbackInput in) {
        return in.satisfaction() == NeedCallback.Satisfaction.UNSATISFIED || in.resolved() == NeedCallback.Resolved.NO
                ? NeedAction.RATE_UNSATISFIED : NeedAction.RATE_SATISFIED;
    }

    private Need afterCallback(Need need, CallbackInput in, String actor) {
        need.satisfaction = in.satisfaction().name();
        if (rating(in) == NeedAction.RATE_UNSATISFIED) {
            reopen(need, actor, in.comment());
        } else {
            NeedStatus from = move(need, NeedAction.RATE_SATISFIED);
            NeedEvent.record(need, actor, "满意度回访", from,
                    in.satisfaction().label + "，" + in.resolved().label + (blank(in.comment()) ? "" : "：" + in.comment()), true);
        }
        return need;
    }

    /** Unsatisfied: back to the same handler at once, flagged for the supervisor. */
    private void reopen(Need need, String actor, String comment) {
        NeedStatus from = move(need, NeedAction.RATE_UNSATISFIED);
        need.reopenCount++;
        need.supervisorFlag = true;
        need.resolvedAt = null;
        need.callbackDue = null;
        need.resolveDue = calendar.fromToday(need.category.resolveDays);
        CallbackLink.invalidateAll(need.id);
        NeedEvent.record(need, actor, "不满意，重新办理", from, comment, true);
        for (StaffMember supervisor : staff.supervisors()) {
            mails.reopened(need, supervisor, comment);
        }
        notifyAssignee(need, "需求被评为不满意，已重新办理", comment);
    }

    private void saveCallback(Need need, String channel, CallbackInput in, String actor) {
        if (in.reached() && (in.satisfaction() == null || in.resolved() == null)) {
            throw new InvalidInputException("请选择满意度和解决情况");
        }
        NeedValidation.checkLength("意见", in.comment(), 2000);
        NeedCallback c = new NeedCallback();
        c.needId = need.id;
        c.channel = channel;
        c.reached = in.reached();
        c.satisfaction = in.satisfaction() == null ? null : in.satisfaction().name();
        c.resolved = in.resolved() == null ? null : in.resolved().name();
        c.comment = in.comment() == null ? "" : in.comment().strip();
        c.actor = actor;
        c.at = clock.now();
        c.persist();
    }

    private void resume(Need need) {
        if (need.pausedSince != null && need.resolveDue != null) {
            WorkingDays days = calendar.load();
            int paused = days.workingDaysBetween(PortalClock.dayOf(need.pausedSince), clock.today());
            need.resolveDue = days.addWorkingDays(need.resolveDue, paused);
        }
        need.pausedSince = null;
    }

    private void notifyAssignee(Need need, String what, String text) {
        staff.find(need.assignee).ifPresent(s -> mails.toAssignee(need, s, what, text));
    }

    private String newCallbackLink(Need need) {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        CallbackLink.invalidateAll(need.id);
        CallbackLink link = new CallbackLink();
        link.tokenHash = CallbackLink.hash(token);
        link.needId = need.id;
        link.expiresAt = clock.now().plus(config.callbackLinkDays(), ChronoUnit.DAYS);
        link.persist();
        return token;
    }

    /** Moves the need as the transition table says; returns the state it left. */
    private static NeedStatus move(Need need, NeedAction action) {
        NeedStatus from = need.status;
        need.status = from.after(action).orElseThrow(() -> illegal(need, action));
        return from;
    }

    /** Rated in this round already (by another channel): 409 that says what was recorded. */
    private static void requireNotRated(Need need) {
        if (need.status != NeedStatus.RESOLVED) {
            NeedCallback.latestRating(need.id).ifPresent(c -> {
                throw new NeedConflictException("本次办理结果已于 " + PortalClock.localText(c.at) + " 评价（"
                        + NeedTemplateExtensions.satisfactionLabel(c.satisfaction) + "，"
                        + NeedTemplateExtensions.resolvedLabel(c.resolved) + "），每轮办理只能评价一次。");
            });
        }
    }

    private static void require(Need need, NeedAction action) {
        if (!need.status.allows(action)) {
            throw illegal(need, action);
        }
    }

    private static Need load(long id, long version) {
        Need need = Need.<Need>findByIdOptional(id).orElseThrow(() -> new NotFoundException("需求不存在"));
        requireVersion(need, version);
        return need;
    }

    /** The need with this number if it belongs to this enterprise login; 404 otherwise. */
    private static Need own(String trackingNo, String subject, long version) {
        Need need = Need.findOwn(trackingNo, subject).orElseThrow(() -> new NotFoundException("未找到该需求"));
        requireVersion(need, version);
        return need;
    }

    private static void requireVersion(Need need, long version) {
        if (need.version != version) {
            throw NeedConflictException.staleVersion();
        }
    }

    private static NeedConflictException illegal(Need need, NeedAction action) {
        return new NeedConflictException("需求当前状态为“" + need.status.label + "”，不能" + action.label + "。");
    }

    private static void requireText(String value, String message) {
        if (blank(value)) {
            throw new InvalidInputException(message);
        }
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
