package cn.keyida.portal.market;

import cn.keyida.portal.calendar.WorkingCalendar;
import cn.keyida.portal.calendar.WorkingDays;
import cn.keyida.portal.common.DailyReminder;
import cn.keyida.portal.common.PortalClock;
import cn.keyida.portal.staff.StaffDirectory;
import cn.keyida.portal.staff.StaffMember;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Stuck 对接 cases: no progress (state change or follow-up) for more working days than the state's
 * limit ({@code market_case_limit}, admin-configurable). Each broker gets their stuck cases, each
 * supervisor all of them, once per person and day whichever instance runs first (dedupe key).
 */
@ApplicationScoped
public class CaseReminders implements DailyReminder {

    private final WorkingCalendar calendar;
    private final StaffDirectory staff;
    private final MarketMails mails;

    CaseReminders(WorkingCalendar calendar, StaffDirectory staff, MarketMails mails) {
        this.calendar = calendar;
        this.staff = staff;
        this.mails = mails;
    }

    @Override
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public int remind(LocalDate today) {
        List<MarketCase> stuck = stuck(today);
        if (stuck.isEmpty()) {
            return 0;
        }
        int queued = 0;
        Map<String, List<MarketMails.Stuck>> byBroker = new HashMap<>();
        List<MarketMails.Stuck> all = new ArrayList<>();
        for (MarketCase c : stuck) {
            MarketMails.Stuck s = new MarketMails.Stuck(c.id, c.title(), c.status.label,
                    PortalClock.dayOf(c.statusSince).toString());
            byBroker.computeIfAbsent(c.broker, b -> new ArrayList<>()).add(s);
            all.add(s);
        }
        for (var e : byBroker.entrySet()) {
            MarketBroker b = MarketBroker.findById(e.getKey());
            if (b != null && b.email != null && mails.stuck("market-stuck:" + b.username + ":" + today, b.email, e.getValue())) {
                queued++;
            }
        }
        for (StaffMember s : staff.supervisors()) {
            if (s.email != null && mails.stuck("market-stuck:" + s.username + ":" + today, s.email, all)) {
                queued++;
            }
        }
        return queued;
    }

    /** Open cases past their state's limit on {@code today}. */
    @Transactional
    public List<MarketCase> stuck(LocalDate today) {
        Map<String, Integer> limits = limits();
        WorkingDays days = calendar.load();
        return MarketCase.<MarketCase>list("status in ?1 order by id", CaseStatus.OPEN).stream()
                .filter(c -> days.workingDaysBetween(PortalClock.dayOf(c.statusSince), today)
                        > limits.getOrDefault(c.status.name(), 10))
                .toList();
    }

    @SuppressWarnings("unchecked")
    @Transactional
    public Map<String, Integer> limits() {
        Map<String, Integer> out = new HashMap<>();
        List<Object[]> rows = MarketCase.getEntityManager()
                .createNativeQuery("select status, working_days from market_case_limit").getResultList();
        rows.forEach(r -> out.put((String) r[0], ((Number) r[1]).intValue()));
        return out;
    }

    /** Admin setting: the limit in working days for a state. */
    @Transactional
    public void setLimit(CaseStatus status, int workingDays) {
        if (!CaseStatus.OPEN.contains(status) || workingDays < 1 || workingDays > 365) {
            throw new cn.keyida.portal.web.InvalidInputException("停滞提醒天数应为1–365个工作日");
        }
        MarketCase.getEntityManager().createNativeQuery("""
                insert into market_case_limit (status, working_days) values (:s, :d)
                on conflict (status) do update set working_days = excluded.working_days""")
                .setParameter("s", status.name()).setParameter("d", workingDays).executeUpdate();
    }

    /** One row of the admin form: an open state, its label and its limit (as typed, on an error). */
    public record Limit(String status, String label, String workingDays) {}

    @Transactional
    public List<Limit> limitRows() {
        Map<String, Integer> limits = limits();
        return CaseStatus.OPEN.stream().sorted().map(s -> new Limit(s.name(), s.label,
                String.valueOf(limits.getOrDefault(s.name(), 10)))).toList();
    }

    /** The form as typed, to show it again with its errors. */
    List<Limit> limitRows(Map<String, String> form) {
        return CaseStatus.OPEN.stream().sorted().map(s -> new Limit(s.name(), s.label,
                form.getOrDefault(s.name(), ""))).toList();
    }

    /**
     * Admin: every open state's limit at once, all or nothing (a Chinese error per field); the change is
     * logged with who made it.
     */
    @Transactional
    public void setLimits(Map<String, String> form, String actor) {
        cn.keyida.portal.web.FieldErrors.Builder errors = new cn.keyida.portal.web.FieldErrors.Builder();
        Map<CaseStatus, Integer> values = new java.util.EnumMap<>(CaseStatus.class);
        for (CaseStatus s : CaseStatus.OPEN) {
            String v = form.getOrDefault(s.name(), "").strip();
            try {
                int d = Integer.parseInt(v);
                if (d < 1 || d > 365) {
                    errors.add(s.name(), "“" + s.label + "”的停滞提醒天数应为1–365个工作日");
                } else {
                    values.put(s, d);
                }
            } catch (NumberFormatException e) {
                errors.add(s.name(), "“" + s.label + "”的停滞提醒天数请填写整数（工作日）");
            }
        }
        errors.throwIfAny();
        values.forEach(this::setLimit);
        io.quarkus.logging.Log.infof("Market stuck-case limits set to %s by %s", values, actor);
    }
}
