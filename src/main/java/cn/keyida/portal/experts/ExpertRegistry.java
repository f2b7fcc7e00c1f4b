package cn.keyida.portal.experts;

import cn.keyida.portal.calendar.WorkingCalendar;
import cn.keyida.portal.common.DailyReminder;
import cn.keyida.portal.common.PortalClock;
import cn.keyida.portal.techfield.TechFields;
import cn.keyida.portal.web.FieldErrors;
import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.NotFoundException;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The expert's entry from registration to removal. Every change is checked against the transition table
 * of {@link ExpertStatus} and against the version the user saw (409 otherwise), leaves an entry in the
 * timeline and queues its mail, in one transaction. As a {@link DailyReminder} it reminds experts of the
 * yearly confirmation and pauses those who let it lapse.
 */
@ApplicationScoped
public class ExpertRegistry implements DailyReminder {

    /** Staff decisions on an entry; a reason is required for all but admission and resumption. */
    public enum Decision {
        ADMIT(ExpertAction.ADMIT, false, "您已通过审核，入选科技专家库"),
        RETURN(ExpertAction.RETURN, true, "您的专家入库申请被退回，请修改后重新提交"),
        SUSPEND(ExpertAction.SUSPEND, true, "您在科技专家库中的资格已暂停"),
        RESUME(ExpertAction.RESUME, false, "您在科技专家库中的资格已恢复"),
        REMOVE(ExpertAction.REMOVE, true, "您已被移出科技专家库");

        final ExpertAction action;
        final boolean reasonRequired;
        final String step;

        Decision(ExpertAction action, boolean reasonRequired, String step) {
            this.action = action;
            this.reasonRequired = reasonRequired;
            this.step = step;
        }

        public String label() {
            return action.label;
        }

        public static java.util.Optional<Decision> of(String path) {
            return java.util.Arrays.stream(values()).filter(d -> d.name().equalsIgnoreCase(path)).findFirst();
        }
    }

    private final TechFields techFields;
    private final WorkingCalendar calendar;
    private final PortalClock clock;
    private final ExpertMails mails;
    private final ExpertsConfig config;
    private final Event<ExpertChanged> changed;

    ExpertRegistry(TechFields techFields, WorkingCalendar calendar, PortalClock clock, ExpertMails mails,
            ExpertsConfig config, Event<ExpertChanged> changed) {
        this.changed = changed;
        this.techFields = techFields;
        this.calendar = calendar;
        this.clock = clock;
        this.mails = mails;
        this.config = config;
    }

    // ------------------------------------------------------------------ the expert

    /**
     * Registers (first submission, to review), resubmits a returned registration, or updates the entry.
     * A profile seeded by username (demo data) is bound to the user's subject here.
     */
    @Transactional
    public Expert register(String subject, String username, ExpertInput in, String actor) {
        Expert e = mine(subject, username);
        if (e != null && e.version != version(in.version())) {
            throw ExpertConflict.stale();
        }
        Set<String> known = techFields.all().stream().map(TechFields.Field::code).collect(Collectors.toSet());
        ExpertInput.Checked c = in.check(known);
        if (e == null) {
            e = new Expert();
            e.status = ExpertStatus.PENDING;
        }
        ExpertStatus from = e.status;
        String what;
        if (e.id == null) {
            what = "提交入库申请";
        } else if (from == ExpertStatus.RETURNED) {
            e.status = from.after(ExpertAction.RESUBMIT).orElseThrow();
            what = ExpertAction.RESUBMIT.label;
        } else {
            e.status = from.after(ExpertAction.UPDATE).orElseThrow(() -> ExpertConflict.refused(from, ExpertAction.UPDATE));
            what = ExpertAction.UPDATE.label;
        }
        e.subject = subject;
        e.username = username;
        e.name = c.name();
        e.organisation = c.organisation();
        e.title = c.title();
        e.fields = c.fields();
        e.specialities = c.specialities();
        e.modes = c.modes();
        e.availability = c.availability();
        e.region = c.region();
        e.profile = c.profile();
        e.phone = c.phone();
        e.email = c.email();
        if (e.status == ExpertStatus.PENDING) {
            e.submittedAt = clock.now();
            e.statusNote = "";
        }
        boolean created = e.id == null;
        e.persist();
        ExpertEvent.record(e, actor, what, created ? null : from, "", true);
        if (e.status == ExpertStatus.ACTIVE) {
            changed.fire(new ExpertChanged(e.id));
        }
        return e;
    }

    /**
     * Binds a profile seeded by username (demo data) to the user's subject on their first visit; returns
     * the user's entry, or null when there is none (a username whose entry another subject holds included).
     */
    @Transactional
    public Expert claim(String subject, String username) {
        Expert e = mine(subject, username);
        if (e != null && e.subject == null) {
            e.subject = subject;
            ExpertEvent.record(e, username, "首次登录，关联账号", e.status, "", false);
        }
        return e;
    }

    /** The yearly confirmation: the entry stays (or, after a lapse, is back) in the pool for another year. */
    @Transactional
    public Expert confirm(String subject, long version, String actor) {
        Expert e = Expert.findBySubject(subject).orElseThrow(() -> new NotFoundException("您还没有登记专家信息"));
        if (e.version != version) {
            throw ExpertConflict.stale();
        }
        ExpertStatus from = move(e, ExpertAction.CONFIRM);
        e.confirmedAt = clock.now();
        e.confirmBy = clock.today().plusMonths(config.confirmMonths());
        ExpertEvent.record(e, actor, ExpertAction.CONFIRM.label, from, "确认至 " + e.confirmBy, true);
        if (from != e.status) {
            mails.decision(e, "您已完成年度确认，恢复参与咨询和评审", "");
            changed.fire(new ExpertChanged(e.id));
        }
        return e;
    }

    // ------------------------------------------------------------------ staff

    @Transactional
    public Expert decide(long id, long version, Decision decision, String reason, String actor) {
        Expert e = Expert.<Expert>findByIdOptional(id).orElseThrow(() -> new NotFoundException("专家不存在"));
        if (e.version != version) {
            throw ExpertConflict.stale();
        }
        if (!e.status.allows(decision.action)) {
            throw ExpertConflict.refused(e.status, decision.action);
        }
        FieldErrors.Builder errors = new FieldErrors.Builder();
        String r = ExpertInput.text(errors, "reason", decision.label() + "原因", reason, 1000, decision.reasonRequired, true);
        errors.throwIfAny();
        ExpertStatus from = move(e, decision.action);
        e.statusNote = r;
        if (decision == Decision.ADMIT) {
            e.admittedAt = clock.now();
            e.confirmedAt = e.admittedAt;
            e.confirmBy = clock.today().plusMonths(config.confirmMonths());
        }
        ExpertEvent.record(e, actor, decision.label(), from, r, true);
        mails.decision(e, decision.step, r);
        changed.fire(new ExpertChanged(e.id));
        return e;
    }

    // ------------------------------------------------------------------ the morning run

    /**
     * Reminds experts whose confirmation falls within the next working days (once per date), and pauses
     * those whose date has passed, each in its own transaction: a pause another instance made first
     * is skipped (its version moved), so each lapse happens and is mailed once.
     */
    @Override
    public int remind(LocalDate today) {
        LocalDate horizon = calendar.load().addWorkingDays(today, config.confirmReminderWorkingDays());
        int queued = 0;
        List<Long> lapsed = QuarkusTransaction.requiringNew().call(() -> Expert.<Expert>list(
                "status = ?1 and confirmBy < ?2", ExpertStatus.ACTIVE, today).stream().map(x -> x.id).toList());
        for (Long id : lapsed) {
            try {
                if (QuarkusTransaction.requiringNew().call(() -> lapse(id, today))) {
                    queued++;
                }
            } catch (RuntimeException e) {
                Log.infof("Expert %d changed while pausing it; another instance or user was first", id);
            }
        }
        queued += QuarkusTransaction.requiringNew().call(() -> {
            int n = 0;
            for (Expert e : Expert.<Expert>list("status = ?1 and confirmBy >= ?2 and confirmBy <= ?3",
                    ExpertStatus.ACTIVE, today, horizon)) {
                n += mails.confirmationDue(e) ? 1 : 0;
            }
            return n;
        });
        return queued;
    }

    private boolean lapse(long id, LocalDate today) {
        Expert e = Expert.findById(id);
        if (e == null || e.status != ExpertStatus.ACTIVE || e.confirmBy == null || !e.confirmBy.isBefore(today)) {
            return false;
        }
        ExpertStatus from = move(e, ExpertAction.LAPSE);
        e.statusNote = "未在 " + e.confirmBy + " 前完成年度确认";
        ExpertEvent.record(e, "系统", ExpertAction.LAPSE.label, from, e.statusNote, true);
        mails.decision(e, "您未按期完成年度确认，专家资格已暂停", "登录后完成年度确认即可恢复。");
        changed.fire(new ExpertChanged(e.id));
        return true;
    }

    // ------------------------------------------------------------------ helpers

    /** The user's entry: by subject, or a seeded one by username that no login has claimed yet. */
    static Expert mine(String subject, String username) {
        Expert e = Expert.findBySubject(subject).orElse(null);
        if (e == null && username != null) {
            e = Expert.findByUsername(username).filter(x -> x.subject == null).orElse(null);
        }
        return e;
    }

    static ExpertStatus move(Expert e, ExpertAction action) {
        ExpertStatus from = e.status;
        e.status = from.after(action).orElseThrow(() -> ExpertConflict.refused(from, action));
        return from;
    }

    static long version(String value) {
        try {
            return value == null || value.isBlank() ? 0 : Long.parseLong(value.strip());
        } catch (NumberFormatException ex) {
            return -1;
        }
    }

}
