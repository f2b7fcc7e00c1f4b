package cn.keyida.portal.projects;

import cn.keyida.portal.calendar.WorkingCalendar;
import cn.keyida.portal.common.DailyReminder;
import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.LocalDate;
import java.util.List;

/**
 * The project pool's morning run: 公示 periods that ended without an open objection become 立项;
 * applicants whose 补正 deadline is within two working days are reminded once; staff hear once of each
 * review past its deadline.
 */
@ApplicationScoped
class ProjectReminders implements DailyReminder {

    static final int REMIND_WORKING_DAYS = 2;

    private final ProjectWorkflow workflow;
    private final WorkingCalendar calendar;
    private final ProjectMails mails;

    ProjectReminders(ProjectWorkflow workflow, WorkingCalendar calendar, ProjectMails mails) {
        this.workflow = workflow;
        this.calendar = calendar;
        this.mails = mails;
    }

    @Override
    @Transactional
    public int remind(LocalDate today) {
        int approved = workflow.concludePublicity(today);
        if (approved > 0) {
            Log.infof("projects: %d applications approved after their publicity period", approved);
        }
        int sent = 0;
        LocalDate soon = calendar.load().addWorkingDays(today, REMIND_WORKING_DAYS);
        for (ProjectApplication a : ProjectApplication.<ProjectApplication>list(
                "status = ?1 and correctionDue >= ?2 and correctionDue <= ?3", ProjectStatus.CORRECTION, today, soon)) {
            sent += mails.onceToApplicant("project-correction-" + a.id + "-" + a.correctionDue, a,
                    "补正期限将于 " + a.correctionDue + " 届满", "补正要求：" + a.correctionReason) ? 1 : 0;
        }
        List<ProjectReview> late = ProjectReview.list("status in ?1 and due < ?2",
                List.of(ProjectReview.Status.INVITED, ProjectReview.Status.ACCEPTED), today);
        for (ProjectReview r : late) {
            ProjectApplication a = ProjectApplication.findById(r.applicationId);
            sent += mails.onceToStaff("project-review-late-" + r.id, a, "专家评审超期",
                    r.expertName + " 的评审期限为 " + r.due + "，尚未提交评分。") ? 1 : 0;
        }
        return approved + sent;
    }
}
