package cn.keyida.portal.projects;

import cn.keyida.portal.common.PersonalDataErasure;
import cn.keyida.portal.common.PersonalDataExport;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The project pool's part of a person's data: their applications with timelines and their objections.
 * Erasure withdraws applications still in the applicant's hands through the state machine and blanks the
 * contact details; applications already decided stay, as records of public funding, without them.
 */
@ApplicationScoped
class ProjectPersonalData {

    void export(@Observes @Priority(20) PersonalDataExport export) {
        List<ProjectApplication> apps = ProjectApplication.list("applicantSubject = ?1 order by id", export.subject());
        export.sections().put("科技计划项目申报", apps.stream().map(ProjectPersonalData::application).toList());
        List<ProjectObjection> objections = ProjectObjection.list("subject = ?1 order by id", export.subject());
        export.sections().put("科技计划项目公示异议", objections.stream().map(o -> Map.of("时间", String.valueOf(o.at),
                "内容", o.text, "处理结果", o.status.label)).toList());
    }

    private static Map<String, Object> application(ProjectApplication a) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("项目名称", a.title);
        m.put("申报单位", a.applicantName);
        m.put("联系人", a.contactPerson);
        m.put("联系电话", a.contactMobile);
        m.put("申请资助（元）", a.requestedAmount.toPlainString());
        m.put("状态", a.status.label);
        m.put("团队", TeamMember.of(a.id).stream().map(t -> t.name + "（" + t.role + "）").toList());
        m.put("办理记录", ProjectEvent.timeline(a.id, false).stream()
                .map(e -> Map.of("时间", String.valueOf(e.at), "事项", e.action, "说明", e.note)).toList());
        return m;
    }

    void erase(@Observes PersonalDataErasure erasure) {
        for (ProjectApplication a : ProjectApplication.<ProjectApplication>list("applicantSubject", erasure.subject())) {
            if (a.status.allows(ProjectAction.WITHDRAW)) {
                ProjectStatus from = ProjectWorkflow.move(a, ProjectAction.WITHDRAW);
                ProjectEvent.record(a, "系统", "申报单位删除个人信息，申报撤回", from, "", true);
            }
            a.contactPerson = "（已删除）";
            a.contactMobile = "（已删除）";
            a.applicantEmail = null;
        }
        ProjectObjection.update("name = '（已删除）' where subject = ?1", erasure.subject());
    }
}
