package cn.keyida.portal.needs;

import cn.keyida.portal.enterprise.EnterpriseProfile;
import cn.keyida.portal.mail.MailOutbox;
import cn.keyida.portal.web.InvalidInputException;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.NotFoundException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import javax.sql.DataSource;

/**
 * The need workflow. Every state change is checked against the state machine (409 with the reason
 * otherwise) and against the version the user saw (409 when someone else acted first), and leaves an
 * entry in the append-only timeline, all in one transaction with the mails it causes.
 */
@ApplicationScoped
public class NeedService {

    /** Who acts: a username (or a role name for the public callback link) and the name shown. */
    public record Actor(String username, String display) {
        String label() {
            return display + "（" + username + "）";
        }
    }

    public record Upload(String fileName, byte[] data) {}

    public record Submission(String category, String title, String description, String expectedOutcome,
            java.math.BigDecimal budget, LocalDate wantedBy, boolean consent) {}

    public record FollowUpInput(FollowUp.Kind kind, Instant happenedAt, String participants, String notes,
            String outcome, LocalDate nextStepDate, boolean visibleToEnterprise) {}

    public record CallbackInput(boolean reached, NeedCallback.Satisfaction satisfaction,
            NeedCallback.Resolved resolved, String comment) {}

    private static final DateTimeFormatter DAY = DateTimeFormatter.BASIC_ISO_DATE;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final DataSource dataSource;
    private final Sla sla;
    private final NeedsConfig config;

    NeedService(DataSource dataSource, Sla sla, NeedsConfig config) {
        this.dataSource = dataSource;
        this.sla = sla;
        this.config = config;
    }

    // ------------------------------------------------------------------ enterprise

    /**
     * Stores a need of the enterprise with this login; empty when it has no profile yet. A short
     * read-only transaction finds the profile, checks the category and computes the acceptance
     * deadline. The tracking number is then taken by one statement that commits on its own, so the
     * day's counter row is locked for microseconds instead of for a transaction's round trips (with
     * 32 concurrent submissions that lock was the bottleneck, see docs/BENCHMARKS.md). The need is
     * stored in a transaction of its own; one that fails to store leaves a gap in the day's numbers.
     */
    public Optional<Need> submit(String subject, Submission s, List<Upload> uploads, Actor actor) {
        NeedValidation.check(s);
        List<NeedValidation.CheckedUpload> files = NeedValidation.checkUploads(uploads, config);
        Applicant applicant = QuarkusTransaction.requiringNew().call(() -> {
            EnterpriseProfile profile = EnterpriseProfile.findBySubject(subject).orElse(null);
            if (profile == null) {
                return null;
            }
            NeedCategory category = NeedCategory.<NeedCategory>findByIdOptional(s.category()).filter(c -> c.active)
                    .orElseThrow(() -> new InvalidInputException("请选择需求类别"));
            return new Applicant(profile, category, sla.calendar().addWorkingDays(Sla.today(), category.acceptDays));
        });
        if (applicant == null) {
            return Optional.empty();
        }
        return Optional.of(QuarkusTransaction.suspendingExisting().call(() -> store(applicant, s, files, actor)));
    }

    private record Applicant(EnterpriseProfile profile, NeedCategory category, LocalDate acceptDue) {}

    /**
     * The need, its first timeline entry and the confirmation mail in one statement, and its
     * attachments, in one JDBC transaction. Submission is the burst path (a deadline, a new subsidy):
     * through Hibernate, the three inserts took three round trips and a quarter of the request's CPU
     * (docs/BENCHMARKS.md). Returns the stored need, detached.
     */
    private Need store(Applicant applicant, Submission s, List<NeedValidation.CheckedUpload> files, Actor actor) {
        EnterpriseProfile profile = applicant.profile();
        Need need = new Need();
        need.trackingNo = nextTrackingNo();
        need.enterprise = profile;
        need.category = applicant.category();
        need.title = s.title().strip();
        need.description = s.description().strip();
        need.expectedOutcome = s.expectedOutcome() == null ? "" : s.expectedOutcome().strip();
        need.budget = s.budget();
        need.wantedBy = s.wantedBy();
        need.status = NeedStatus.SUBMITTED;
        need.acceptDue = applicant.acceptDue();
        String mail = """
                %s：

                您的需求“%s”已提交，编号 %s。
                科技局将在 %s 前受理，您可以随时查看办理进度：%s/my/needs/%s

                广元市科学技术局 科易达科技服务平台
                """.formatted(profile.name, need.title, need.trackingNo, need.acceptDue, config.baseUrl(), need.trackingNo);
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                insert(c, need, profile, actor, files, mail);
                c.commit();
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
            return need;
        } catch (SQLException e) {
            throw new IllegalStateException("could not store the need " + need.trackingNo, e);
        }
    }

    private static void insert(Connection c, Need need, EnterpriseProfile profile, Actor actor,
            List<NeedValidation.CheckedUpload> files, String mail) throws SQLException {
        try (PreparedStatement st = c.prepareStatement("""
                with need as (
                    insert into need (tracking_no, enterprise_id, category_code, title, description, expected_outcome,
                                      budget, wanted_by, status, accept_due, submitted_at, created_at, updated_at)
                    values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, now(), now(), now()) returning id, status, submitted_at),
                event as (
                    insert into need_event (need_id, at, actor, action, to_status, note, public)
                    select id, submitted_at, ?, '提交需求', status, ?, true from need),
                mail as (
                    insert into mail_outbox (recipient, subject, body, created_at, next_attempt_at)
                    select ?, ?, ?, submitted_at, submitted_at from need where ?)
                select id, submitted_at from need""")) {
            int i = 0;
            st.setString(++i, need.trackingNo);
            st.setLong(++i, profile.id);
            st.setString(++i, need.category.code);
            st.setString(++i, need.title);
            st.setString(++i, need.description);
            st.setString(++i, need.expectedOutcome);
            st.setBigDecimal(++i, need.budget);
            st.setObject(++i, need.wantedBy);
            st.setString(++i, need.status.name());
            st.setObject(++i, need.acceptDue);
            st.setString(++i, actor.label());
            st.setString(++i, files.isEmpty() ? "" : "附件 " + files.size() + " 个");
            st.setString(++i, profile.email);
            st.setString(++i, "【科易达】需求已提交：" + need.trackingNo);
            st.setString(++i, mail);
            st.setBoolean(++i, MailOutbox.hasRecipient(profile.email));
            try (ResultSet rs = st.executeQuery()) {
                rs.next();
                need.id = rs.getLong(1);
                need.submittedAt = rs.getObject(2, OffsetDateTime.class).toInstant();
                need.createdAt = need.submittedAt;
                need.updatedAt = need.submittedAt;
            }
        }
        if (!files.isEmpty()) {
            try (PreparedStatement st = c.prepareStatement("""
                    insert into need_attachment (need_id, file_name, content_type, size, sha256, data, created_at)
                    values (?, ?, ?, ?, ?, ?, now())""")) {
                for (NeedValidation.CheckedUpload f : files) {
                    st.setLong(1, need.id);
                    st.setString(2, f.fileName());
                    st.setString(3, f.contentType());
                    st.setLong(4, f.data().length);
                    st.setString(5, sha256Hex(f.data()));
                    st.setBytes(6, f.data());
                    st.addBatch();
                }
                st.executeBatch();
            }
        }
    }

    /** The enterprise answers a request for information; the deadline runs again. */
    @Transactional
    public Need addInformation(Need need, long version, String text, Actor actor) {
        requireVersion(need, version);
        if (text == null || text.isBlank()) {
            throw new InvalidInputException("请填写补充说明");
        }
        NeedValidation.checkLength("补充说明", text, 5000);
        NeedStatus from = need.status;
        if (from == NeedStatus.WAITING_INFO) {
            resume(need);
            need.status = NeedStatus.IN_PROGRESS;
        } else if (!from.isOpen()) {
            throw illegal(need, "补充材料");
        }
        NeedEvent.record(need, actor.label(), "企业补充材料", from, text.strip(), true);
        notifyAssignee(need, "企业已补充材料", text.strip());
        return need;
    }

    @Transactional
    public Need withdraw(Need need, long version, String reason, Actor actor) {
        requireVersion(need, version);
        require(need, "撤回", NeedStatus.OPEN);
        NeedStatus from = need.status;
        need.status = NeedStatus.WITHDRAWN;
        need.closedAt = Instant.now();
        NeedEvent.record(need, actor.label(), "企业撤回", from, reason, true);
        return need;
    }

    // ------------------------------------------------------------------ staff

    @Transactional
    public Need accept(long id, long version, String note, Actor actor) {
        Need need = load(id, version);
        require(need, "受理", EnumSet.of(NeedStatus.SUBMITTED));
        NeedStatus from = need.status;
        need.status = NeedStatus.ACCEPTED;
        need.acceptedAt = Instant.now();
        need.resolveDue = sla.calendar().addWorkingDays(Sla.today(), need.category.resolveDays);
        NeedEvent.record(need, actor.label(), "受理", from, note, true);
        return need;
    }

    @Transactional
    public Need returnNeed(long id, long version, String reason, Actor actor) {
        Need need = load(id, version);
        require(need, "退回", EnumSet.of(NeedStatus.SUBMITTED, NeedStatus.ACCEPTED));
        if (reason == null || reason.isBlank()) {
            throw new InvalidInputException("请填写退回原因，例如：不属于科技部门职责范围");
        }
        NeedStatus from = need.status;
        need.status = NeedStatus.RETURNED;
        need.closedAt = Instant.now();
        NeedEvent.record(need, actor.label(), "退回", from, reason.strip(), true);
        MailOutbox.queue(need.enterprise.email, "【科易达】需求已退回：" + need.trackingNo,
                "您的需求“%s”（%s）已退回。原因：%s%n%n详情：%s/my/needs/%s".formatted(need.title, need.trackingNo,
                        reason.strip(), config.baseUrl(), need.trackingNo));
        return need;
    }

    /** Assigns, or transfers to another staff member; the history keeps every hand-over. */
    @Transactional
    public Need assign(long id, long version, String username, String note, Actor actor) {
        Need need = load(id, version);
        require(need, "分派", EnumSet.of(NeedStatus.ACCEPTED, NeedStatus.ASSIGNED, NeedStatus.IN_PROGRESS,
                NeedStatus.WAITING_INFO));
        StaffMember staff = StaffMember.<StaffMember>findByIdOptional(username == null ? "" : username)
                .filter(s -> s.active).orElseThrow(() -> new InvalidInputException("请选择承办人"));
        if (staff.username.equals(need.assignee)) {
            throw new NeedConflictException("该需求已由" + staff.displayName + "承办");
        }
        NeedStatus from = need.status;
        String previous = need.assignee;
        need.assignee = staff.username;
        need.departmentId = staff.departmentId;
        if (from == NeedStatus.ACCEPTED) {
            need.status = NeedStatus.ASSIGNED;
        }
        NeedEvent.record(need, actor.label(), previous == null ? "分派" : "转办",
                from, (previous == null ? "" : previous + " → ") + staff.displayName
                        + (note == null || note.isBlank() ? "" : "：" + note.strip()), previous == null);
        MailOutbox.queue(staff.email, "【科易达】新的需求待办：" + need.trackingNo,
                "%s，您好：%n%n需求“%s”（%s）已分派给您，办结期限 %s。%n%s/staff/needs/%d".formatted(staff.displayName,
                        need.title, need.trackingNo, need.resolveDue, config.baseUrl(), need.id));
        return need;
    }

    @Transactional
    public Need start(long id, long version, Actor actor) {
        Need need = load(id, version);
        require(need, "开始办理", EnumSet.of(NeedStatus.ASSIGNED));
        NeedStatus from = need.status;
        need.status = NeedStatus.IN_PROGRESS;
        NeedEvent.record(need, actor.label(), "开始办理", from, "", true);
        return need;
    }

    /** Asks the enterprise for information; the deadline pauses until it answers. */
    @Transactional
    public Need askInformation(long id, long version, String question, Actor actor) {
        Need need = load(id, version);
        require(need, "要求补充材料", EnumSet.of(NeedStatus.IN_PROGRESS));
        if (question == null || question.isBlank()) {
            throw new InvalidInputException("请说明需要企业补充的内容");
        }
        NeedStatus from = need.status;
        need.status = NeedStatus.WAITING_INFO;
        need.pausedSince = Instant.now();
        NeedEvent.record(need, actor.label(), "要求补充材料", from, question.strip(), true);
        MailOutbox.queue(need.enterprise.email, "【科易达】请补充需求材料：" + need.trackingNo,
                "您的需求“%s”（%s）需要补充：%s%n%n请登录后补充：%s/my/needs/%s".formatted(need.title, need.trackingNo,
                        question.strip(), config.baseUrl(), need.trackingNo));
        return need;
    }

    @Transactional
    public Need resolve(long id, long version, String summary, Actor actor) {
        Need need = load(id, version);
        require(need, "办结", EnumSet.of(NeedStatus.IN_PROGRESS));
        if (summary == null || summary.isBlank()) {
            throw new InvalidInputException("请填写办理结果");
        }
        NeedValidation.checkLength("办理结果", summary, 5000);
        NeedStatus from = need.status;
        need.status = NeedStatus.RESOLVED;
        need.resolution = summary.strip();
        need.resolvedAt = Instant.now();
        need.callbackDue = sla.calendar().addWorkingDays(Sla.today(), need.category.callbackDays);
        NeedEvent.record(need, actor.label(), "办结", from, need.resolution, true);
        String token = newCallbackLink(need);
        MailOutbox.queue(need.enterprise.email, "【科易达】需求已办结，请评价：" + need.trackingNo,
                """
                %s：

                您的需求“%s”（%s）已办结。
                办理结果：%s

                请点击链接评价本次服务（无需登录，%d 天内有效，仅可使用一次）：
                %s/callback/%s

                如不满意，需求将自动重新办理。
                """.formatted(need.enterprise.name, need.title, need.trackingNo, need.resolution,
                        config.callbackLinkDays(), config.baseUrl(), token));
        return need;
    }

    /** Follow-ups do not change the state; they are allowed while the need is being handled. */
    @Transactional
    public FollowUp recordFollowUp(long id, FollowUpInput in, Actor actor) {
        Need need = Need.<Need>findByIdOptional(id).orElseThrow(() -> new NotFoundException("需求不存在"));
        if (need.status == NeedStatus.WITHDRAWN || need.status == NeedStatus.RETURNED) {
            throw illegal(need, "记录跟进");
        }
        if (in.kind() == null) {
            throw new InvalidInputException("请选择跟进方式");
        }
        if (in.notes() == null || in.notes().isBlank()) {
            throw new InvalidInputException("请填写跟进内容");
        }
        NeedValidation.checkLength("跟进内容", in.notes(), 5000);
        NeedValidation.checkLength("参与人员", in.participants(), 500);
        NeedValidation.checkLength("跟进结果", in.outcome(), 5000);
        FollowUp f = new FollowUp();
        f.needId = need.id;
        f.kind = in.kind();
        f.happenedAt = in.happenedAt() == null ? Instant.now() : in.happenedAt();
        f.participants = in.participants() == null ? "" : in.participants().strip();
        f.notes = in.notes().strip();
        f.outcome = in.outcome() == null ? "" : in.outcome().strip();
        f.nextStepDate = in.nextStepDate();
        f.visibleToEnterprise = in.visibleToEnterprise();
        f.actor = actor.label();
        f.createdAt = Instant.now();
        f.persist();
        NeedEvent.record(need, actor.label(), in.kind().label, need.status,
                in.visibleToEnterprise() ? f.notes : "（内部记录）", in.visibleToEnterprise());
        return f;
    }

    /** A phone callback by staff. Reached and unsatisfied → the need is reopened. */
    @Transactional
    public Need recordCallback(long id, long version, CallbackInput in, Actor actor) {
        Need need = load(id, version);
        require(need, "满意度回访", EnumSet.of(NeedStatus.RESOLVED, NeedStatus.CALLBACK_DONE));
        saveCallback(need, "PHONE", in, actor.label());
        if (!in.reached()) {
            NeedEvent.record(need, actor.label(), "电话回访未接通", need.status, in.comment(), false);
            return need;
        }
        return afterCallback(need, in, actor.label());
    }

    /** The enterprise answers through the one-click link from the resolution mail. */
    @Transactional
    public Need answerCallbackLink(String token, CallbackInput in) {
        CallbackLink link = CallbackLink.findValid(hash(token))
                .orElseThrow(() -> new NeedConflictException("评价链接无效、已使用或已过期。如需评价，请登录后在“我的需求”中操作。"));
        Need need = Need.findById(link.needId);
        if (need.status != NeedStatus.RESOLVED && need.status != NeedStatus.CALLBACK_DONE) {
            throw illegal(need, "评价");
        }
        link.usedAt = Instant.now();
        String actor = need.enterprise.name + "（在线评价）";
        saveCallback(need, "ONLINE", in, actor);
        return afterCallback(need, in, actor);
    }

    /** The logged-in enterprise rates the result on its need page. */
    @Transactional
    public Need rateOnline(Need need, long version, CallbackInput in, Actor actor) {
        requireVersion(need, version);
        require(need, "评价", EnumSet.of(NeedStatus.RESOLVED, NeedStatus.CALLBACK_DONE));
        saveCallback(need, "ONLINE", in, actor.label());
        CallbackLink.invalidateAll(need.id);
        return afterCallback(need, in, actor.label());
    }

    @Transactional
    public Need close(long id, long version, Actor actor) {
        Need need = load(id, version);
        require(need, "关闭", EnumSet.of(NeedStatus.CALLBACK_DONE));
        NeedStatus from = need.status;
        need.status = NeedStatus.CLOSED;
        need.closedAt = Instant.now();
        NeedEvent.record(need, actor.label(), "关闭", from, "", true);
        return need;
    }

    // ------------------------------------------------------------------ helpers

    private Need afterCallback(Need need, CallbackInput in, String actor) {
        NeedStatus from = need.status;
        need.satisfaction = in.satisfaction().name();
        boolean unsatisfied = in.satisfaction() == NeedCallback.Satisfaction.UNSATISFIED
                || in.resolved() == NeedCallback.Resolved.NO;
        if (unsatisfied) {
            reopen(need, actor, in.comment());
        } else {
            need.status = NeedStatus.CALLBACK_DONE;
            NeedEvent.record(need, actor, "满意度回访", from,
                    in.satisfaction().label + "，" + in.resolved().label + (blank(in.comment()) ? "" : "：" + in.comment()), true);
        }
        return need;
    }

    /** Unsatisfied: back to the same handler at once, flagged for the supervisor. */
    private void reopen(Need need, String actor, String comment) {
        NeedStatus from = need.status;
        need.status = need.assignee == null ? NeedStatus.ACCEPTED : NeedStatus.ASSIGNED;
        need.reopenCount++;
        need.supervisorFlag = true;
        need.resolvedAt = null;
        need.callbackDue = null;
        need.resolveDue = sla.calendar().addWorkingDays(Sla.today(), need.category.resolveDays);
        CallbackLink.invalidateAll(need.id);
        NeedEvent.record(need, actor, "不满意，重新办理", from, comment, true);
        for (StaffMember supervisor : StaffMember.supervisors()) {
            MailOutbox.queue(supervisor.email, "【科易达】需求被评为不满意，已重新办理：" + need.trackingNo,
                    "需求“%s”（%s）被企业评为不满意，已自动重新分派给原承办人，请关注。%n意见：%s%n%s/staff/needs/%d".formatted(
                            need.title, need.trackingNo, comment == null ? "" : comment, config.baseUrl(), need.id));
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
        c.at = Instant.now();
        c.persist();
    }

    private void resume(Need need) {
        if (need.pausedSince != null && need.resolveDue != null) {
            WorkingDays calendar = sla.calendar();
            int paused = calendar.workingDaysBetween(Sla.dayOf(need.pausedSince), Sla.today());
            need.resolveDue = calendar.addWorkingDays(need.resolveDue, paused);
        }
        need.pausedSince = null;
    }

    private void notifyAssignee(Need need, String what, String text) {
        if (need.assignee == null) {
            return;
        }
        StaffMember.<StaffMember>findByIdOptional(need.assignee).ifPresent(s -> MailOutbox.queue(s.email,
                "【科易达】" + what + "：" + need.trackingNo,
                "需求“%s”（%s）：%s%n%s%n%s/staff/needs/%d".formatted(need.title, need.trackingNo, what,
                        text == null ? "" : text, config.baseUrl(), need.id)));
    }

    private String newCallbackLink(Need need) {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        CallbackLink.invalidateAll(need.id);
        CallbackLink link = new CallbackLink();
        link.tokenHash = hash(token);
        link.needId = need.id;
        link.expiresAt = Instant.now().plus(config.callbackLinkDays(), ChronoUnit.DAYS);
        link.persist();
        return token;
    }

    /** Must run outside any transaction: the statement commits on its own. */
    private String nextTrackingNo() {
        LocalDate today = Sla.today();
        // Asynchronous commit: the counter step need not wait for the disk, because the need's own
        // commit is durable and comes later in the log; a crash before it loses both.
        String sql = """
                with async as (select set_config('synchronous_commit', 'off', true))
                insert into need_number (day, last) select ?, 1 from async
                on conflict (day) do update set last = need_number.last + 1 returning last""";
        try (Connection c = dataSource.getConnection(); PreparedStatement st = c.prepareStatement(sql)) {
            st.setObject(1, today);
            try (ResultSet rs = st.executeQuery()) {
                rs.next();
                return "XQ-%s-%04d".formatted(today.format(DAY), rs.getInt(1));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not take a tracking number", e);
        }
    }

    private static Need load(long id, long version) {
        Need need = Need.<Need>findByIdOptional(id).orElseThrow(() -> new NotFoundException("需求不存在"));
        requireVersion(need, version);
        return need;
    }

    private static void requireVersion(Need need, long version) {
        if (need.version != version) {
            throw NeedConflictException.staleVersion();
        }
    }

    private static void require(Need need, String action, Set<NeedStatus> allowed) {
        if (!allowed.contains(need.status)) {
            throw illegal(need, action);
        }
    }

    private static NeedConflictException illegal(Need need, String action) {
        return new NeedConflictException("需求当前状态为“" + need.status.label + "”，不能" + action + "。");
    }

    static String hash(String token) {
        return sha256Hex((token == null ? "" : token).getBytes(StandardCharsets.UTF_8));
    }

    private static String sha256Hex(byte[] data) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(data));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
