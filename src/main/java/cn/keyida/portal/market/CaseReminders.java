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
}
