package cn.keyida.portal.needs;

import cn.keyida.portal.calendar.WorkingCalendar;
import cn.keyida.portal.common.PortalClock;
import cn.keyida.portal.enterprise.EnterpriseProfile;
import cn.keyida.portal.mail.MailOutbox;
import cn.keyida.portal.web.FieldErrors;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * The submission of a need: the burst path (a deadline, a new subsidy), so it stores with plain JDBC
 * and owns its SQL. The workflow takes the need over from its first state, {@link NeedStatus#SUBMITTED}.
 */
@ApplicationScoped
public class NeedSubmission {

    public record Upload(String fileName, byte[] data) {}

    public record Submission(String category, String title, String description, String expectedOutcome,
            BigDecimal budget, LocalDate wantedBy, boolean consent) {}

    private static final DateTimeFormatter DAY = DateTimeFormatter.BASIC_ISO_DATE;

    private final DataSource dataSource;
    private final WorkingCalendar calendar;
    private final PortalClock clock;
    private final NeedsConfig config;
    private final NeedMails mails;

    NeedSubmission(DataSource dataSource, WorkingCalendar calendar, PortalClock clock, NeedsConfig config,
            NeedMails mails) {
        this.dataSource = dataSource;
        this.calendar = calendar;
        this.clock = clock;
        this.config = config;
        this.mails = mails;
    }

    /**
     * Stores a need of the enterprise with this login; empty when it has no profile yet. A short
     * read-only transaction finds the profile, checks the category and computes the acceptance
     * deadline. The tracking number is then taken by one statement that commits on its own, so the
     * day's counter row is locked for microseconds instead of for a transaction's round trips (with
     * 32 concurrent submissions that lock was the bottleneck, see docs/BENCHMARKS.md). The need is
     * stored in a transaction of its own; one that fails to store leaves a gap in the day's numbers.
     */
    public Optional<Need> submit(String subject, Submission s, List<Upload> uploads, String actor) {
        return submit(subject, s, uploads, actor, "ONLINE");
    }

    /**
     * A need staff write down on the enterprise's behalf during a service visit (source 走访): the
     * same validation, numbering, timeline and confirmation mail, so it runs through the workflow as
     * any other need and the enterprise sees it in /my/needs.
     */
    public Optional<Need> submitFromVisit(String subject, Submission s, String actor) {
        return submit(subject, s, List.of(), actor, "VISIT");
    }

    private Optional<Need> submit(String subject, Submission s, List<Upload> uploads, String actor, String source) {
        NeedValidation.check(s, clock.today());
        List<NeedValidation.CheckedUpload> files = NeedValidation.checkUploads(uploads, config);
        Applicant applicant = QuarkusTransaction.requiringNew().call(() -> {
            EnterpriseProfile profile = EnterpriseProfile.findBySubject(subject).orElse(null);
            if (profile == null) {
                return null;
            }
            NeedCategory category = NeedCategory.<NeedCategory>findByIdOptional(s.category()).filter(c -> c.active)
                    .orElseThrow(() -> new FieldErrors(Map.of("category", "请选择需求类别")));
            return new Applicant(profile, category, calendar.fromToday(category.acceptDays));
        });
        if (applicant == null) {
            return Optional.empty();
        }
        return Optional.of(QuarkusTransaction.suspendingExisting().call(() -> store(applicant, s, files, actor, source)));
    }

    private record Applicant(EnterpriseProfile profile, NeedCategory category, LocalDate acceptDue) {}

    /**
     * The need with its first timeline entry in one statement, its confirmation mail and its
     * attachments, in one JDBC transaction. Through Hibernate, the inserts took three round trips and a
     * quarter of the request's CPU (docs/BENCHMARKS.md). Returns the stored need, detached.
     */
    private Need store(Applicant applicant, Submission s, List<NeedValidation.CheckedUpload> files, String actor,
            String source) {
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
        need.source = source;
        need.acceptDue = applicant.acceptDue();
        NeedMails.Rendered mail = mails.submitted(need, profile.name);
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                insert(c, need, profile, actor, files);
                MailOutbox.queue(c, profile.mailAddress(), mail.subject(), mail.body());
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

    private static void insert(Connection c, Need need, EnterpriseProfile profile, String actor,
            List<NeedValidation.CheckedUpload> files) throws SQLException {
        try (PreparedStatement st = c.prepareStatement("""
                with need as (
                    insert into need (tracking_no, enterprise_id, category_code, title, description, expected_outcome,
                                      budget, wanted_by, status, accept_due, source, submitted_at, created_at, updated_at)
                    values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, now(), now(), now()) returning id, status, submitted_at),
                event as (
                    insert into need_event (need_id, at, actor, action, to_status, note, public)
                    select id, submitted_at, ?, ?, status, ?, true from need)
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
            st.setString(++i, need.source);
            st.setString(++i, actor);
            st.setString(++i, "VISIT".equals(need.source) ? "走访代为提交" : "提交需求");
            st.setString(++i, files.isEmpty() ? "" : "附件 " + files.size() + " 个");
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

    /** Must run outside any transaction: the statement commits on its own. */
    private String nextTrackingNo() {
        LocalDate today = clock.today();
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

    static String sha256Hex(byte[] data) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(data));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
