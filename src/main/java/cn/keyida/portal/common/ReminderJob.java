package cn.keyida.portal.common;

import io.quarkus.logging.Log;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;

/** The one morning job: runs every feature's {@link DailyReminder}; one failing does not stop the others. */
@ApplicationScoped
public class ReminderJob {

    private final Instance<DailyReminder> reminders;
    private final PortalClock clock;

    ReminderJob(Instance<DailyReminder> reminders, PortalClock clock) {
        this.reminders = reminders;
        this.clock = clock;
    }

    @Scheduled(cron = "{portal.reminders.cron}", timeZone = "Asia/Shanghai",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        for (DailyReminder reminder : reminders) {
            String name = reminder.getClass().getSimpleName().replaceAll("_(ClientProxy|Subclass)$", "");
            try {
                Log.infof("Reminder job queued %d mails (%s)", reminder.remind(clock.today()), name);
            } catch (RuntimeException e) {
                Log.errorf(e, "%s failed; it runs again tomorrow", name);
            }
        }
    }
}
