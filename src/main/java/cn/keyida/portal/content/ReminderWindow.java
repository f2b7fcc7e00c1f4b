package cn.keyida.portal.content;

import java.time.LocalDate;

/**
 * The one rule for date reminders, used by policy matching and by saved searches: a deadline is
 * announced 7 days ahead, an expiry 30 days ahead, from today (included) to the window's last day.
 */
public enum ReminderWindow {
    DEADLINE(7), EXPIRY(30);

    public final int days;

    ReminderWindow(int days) {
        this.days = days;
    }

    public LocalDate lastDay(LocalDate today) {
        return today.plusDays(days);
    }

    public boolean contains(LocalDate date, LocalDate today) {
        return date != null && !date.isBefore(today) && !date.isAfter(lastDay(today));
    }
}
