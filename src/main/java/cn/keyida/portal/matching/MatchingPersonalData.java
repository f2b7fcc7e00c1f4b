package cn.keyida.portal.matching;

import cn.keyida.portal.common.PersonalDataErasure;
import cn.keyida.portal.common.PersonalDataExport;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.Map;

/** The "policy finds enterprise" messages in a person's data export and erasure. */
@ApplicationScoped
class MatchingPersonalData {

    void export(@Observes @Priority(20) PersonalDataExport export) {
        export.sections().put("消息", EnterpriseMessage.<EnterpriseMessage>list("subject = ?1 order by id", export.subject())
                .stream().map(m -> Map.of("时间", String.valueOf(m.createdAt), "标题", m.title, "内容", m.body)).toList());
    }

    void erase(@Observes PersonalDataErasure erasure) {
        EnterpriseMessage.delete("subject", erasure.subject());
    }
}
