package cn.keyida.portal.needs;

import cn.keyida.portal.common.DailyReminder;
import cn.keyida.portal.staff.StaffDirectory;
import cn.keyida.portal.staff.StaffMember;
import io.quarkus.panache.common.Parameters;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.LocalDate;
import java.util.List;

/**
 * Every working morning: each assignee gets their due-soon and overdue needs, each supervisor the
 * overdue ones. The mail's dedupe key (person + day) makes it go out once even when every app
 * instance runs the reminders.
 */
@ApplicationScoped
public class NeedReminders implements DailyReminder {

    private final StaffDirectory staff;
    private final NeedMails mails;

    NeedReminders(StaffDirectory staff, NeedMails mails) {
        this.staff = staff;
        this.mails = mails;
    }

    @Override
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public int remind(LocalDate today) {
        List<Need> open = Need.list("status in ?1 and assignee is not null", NeedStatus.OPEN);
        int queued = 0;
        for (StaffMember member : staff.active()) {
            List<Need> mine = open.stream().filter(n -> member.username.equals(n.assignee))
                    .filter(n -> n.isOverdue(today) || n.isDueSoon(today)).toList();
            if (!mine.isEmpty() && member.email != null && mails.due("due:" + member.username + ":" + today, member.email,
                    "【科易达】您有 " + mine.size() + " 条需求即将到期或已超期", mine, today)) {
                queued++;
            }
        }
        List<Need> overdue = Need.list("from Need n where n.status in :open and " + Need.OVERDUE + " order by n.id",
                Parameters.with("today", today).and("open", NeedStatus.OPEN));
        if (!overdue.isEmpty()) {
            for (StaffMember supervisor : staff.supervisors()) {
                if (supervisor.email != null && mails.due("overdue:" + supervisor.username + ":" + today,
                        supervisor.email, "【科易达】超期需求 " + overdue.size() + " 条", overdue, today)) {
                    queued++;
                }
            }
        }
        return queued;
    }
}
