package cn.keyida.portal.common;

import java.time.LocalDate;

/**
 * A feature's morning reminders (deadlines, expiries). {@link ReminderJob} runs every implementation
 * once a day; each must be safe to run on every instance (queue its mails with a dedupe key).
 */
public interface DailyReminder {

    /** Queues today's reminders; returns how many this call queued (0 when another instance did). */
    int remind(LocalDate today);
}
