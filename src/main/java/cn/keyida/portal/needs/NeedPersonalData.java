package cn.keyida.portal.needs;

import cn.keyida.portal.common.PersonalDataExport;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The needs part of a person's data export (erasure: {@link NeedWorkflow#erase}, through the state machine). */
@ApplicationScoped
class NeedPersonalData {

    void export(@Observes @Priority(10) PersonalDataExport export) {
        List<Need> needs = export.profileId() == null ? List.of()
                : Need.list("enterprise.id = ?1 order by id", export.profileId());
        export.sections().put("需求", needs.stream().map(need -> {
            Map<String, Object> n = new LinkedHashMap<>();
            n.put("编号", need.trackingNo);
            n.put("标题", need.title);
            n.put("描述", need.description);
            n.put("预期成效", need.expectedOutcome);
            n.put("状态", need.status.name());
            n.put("提交时间", String.valueOf(need.submittedAt));
            n.put("办理结果", need.resolution);
            n.put("办理记录", NeedEvent.timeline(need.id, true).stream()
                    .map(e -> Map.of("时间", String.valueOf(e.at), "事项", e.action, "说明", e.note)).toList());
            n.put("附件", NeedAttachment.forNeed(need.id).stream().map(a -> a.fileName).toList());
            return n;
        }).toList());
    }
}
