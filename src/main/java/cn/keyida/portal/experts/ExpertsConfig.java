package cn.keyida.portal.experts;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The expert pool: the yearly confirmation, and how long an expert has to answer an assignment. */
@ConfigMapping(prefix = "portal.experts")
public interface ExpertsConfig {

    /** An admitted expert confirms the entry every this many months; later, the entry is paused. */
    @WithDefault("12")
    int confirmMonths();

    /** The reminder to confirm goes out this many working days before the date. */
    @WithDefault("10")
    int confirmReminderWorkingDays();

    /** An expert accepts or declines an assignment within this many working days. */
    @WithDefault("3")
    int respondWorkingDays();

    /** The bureau's expert-pool mailbox: new registrations, declined and expired assignments. */
    @WithDefault("zhuanjia@kjj.guangyuan.example")
    String staffMailbox();
}
