package cn.keyida.portal.needs;

import cn.keyida.portal.common.PersonalDataExport;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The needs part of a person's data export: everything the enterprise entered or was told about each
 * need (erasure: {@link NeedWorkflow#erase}, through the state machine). Staff-only entries and private
 * follow-up notes are the bureau's working notes and stay out, as on the enterprise's own pages.
 */
@ApplicationScoped
class NeedPersonalData {

    void export(@Observes @Priority(10) PersonalDataExport export) {
        List<Need> needs = export.profileId() == null ? List.of()
                : Need.list("enterprise.id = ?1 order by id", export.profileId());
        export.sections().put("需求", needs.stream().map(NeedPersonalData::need).toList());
    }

    private static Map<String, Object> need(Need need) {
        Map<String, Object> n = new LinkedHashMap<>();
        n.put("编号", need.trackingNo);
        n.put("类别", need.category == null ? null : need.category.name);
        n.put("标题", need.title);
        n.put("描述", need.description);
        n.put("预期成效", need.expectedOutcome);
        n.put("预算（万元）", need.budget == null ? null : need.budget.toPlainString());
        n.put("期望完成日期", need.wantedBy == null ? null : need.wantedBy.toString());
        n.put("状态", need.status.label);
        n.put("提交时间", String.valueOf(need.submittedAt));
        n.put("办理结果", need.resolution);
        n.put("满意度", need.satisfaction == null ? null : NeedCallback.Satisfaction.valueOf(need.satisfaction).label);
        n.put("办理记录", NeedEvent.timeline(need.id, true).stream()
                .map(e -> Map.of("时间", String.valueOf(e.at), "事项", e.action, "说明", e.note)).toList());
        n.put("跟进记录", FollowUp.forNeed(need.id, true).stream().map(f -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("时间", String.valueOf(f.happenedAt));
            m.put("方式", f.kind.label);
            m.put("参与人员", f.participants);
            m.put("内容", f.notes);
            m.put("结果", f.outcome);
            m.put("下一步日期", f.nextStepDate == null ? null : f.nextStepDate.toString());
            return m;
        }).toList());
        // Phone callbacks too: their comments record what the enterprise said.
        n.put("回访与评价", NeedCallback.forNeed(need.id).stream().map(c -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("时间", String.valueOf(c.at));
            m.put("方式", "ONLINE".equals(c.channel) ? "在线评价" : "电话回访");
            m.put("已接通", c.reached);
            m.put("满意度", c.satisfaction == null ? null : NeedCallback.Satisfaction.valueOf(c.satisfaction).label);
            m.put("解决情况", c.resolved == null ? null : NeedCallback.Resolved.valueOf(c.resolved).label);
            m.put("意见", c.comment);
            return m;
        }).toList());
        n.put("附件", NeedAttachment.forNeed(need.id).stream().map(a -> a.fileName).toList());
        return n;
    }
}
