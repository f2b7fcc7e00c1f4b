package cn.keyida.portal.projects;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The project pool: draw limits, deadlines, where staff mails go. */
@ConfigMapping(prefix = "portal.projects")
public interface ProjectsConfig {

    /** An expert drawn this many times in a calendar year is left out of further draws that year. */
    @WithDefault("5")
    int maxDrawsPerYear();

    /** Working days an applicant has to correct a returned application (退回补正). */
    @WithDefault("5")
    int correctionDays();

    /** A reviewer's total is an outlier when it is more than this many points (of 100) from the median total. */
    @WithDefault("20")
    int outlierPoints();

    /** The bureau's project mailbox: submissions, finished reviews, objections. */
    @WithDefault("xiangmu@kjj.guangyuan.example")
    String staffMailbox();
}
