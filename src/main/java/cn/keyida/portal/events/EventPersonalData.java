package cn.keyida.portal.events;

import cn.keyida.portal.common.PersonalDataErasure;
import cn.keyida.portal.common.PersonalDataExport;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.LinkedHashMap;
import java.util.Map;

/** Event registrations in a person's data export and erasure (the seat counts stay, the person goes). */
@ApplicationScoped
class EventPersonalData {

    void export(@Observes @Priority(40) PersonalDataExport export) {
        export.sections().put("活动报名", Registration.<Registration>list("subject", export.subject()).stream().map(r -> {
            Event e = Event.findById(r.eventId);
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("活动", e == null ? "" : e.title);
            m.put("时间", e == null ? "" : e.startText());
            m.put("状态", r.status.label);
            m.put("姓名/单位", r.name);
            m.put("邮箱", r.email == null ? "" : r.email);
            m.put("签到时间", r.checkedInText());
            return m;
        }).toList());
    }

    /** Open registrations are cancelled (freeing seats is not done here: staff see the gap); all are anonymised. */
    void erase(@Observes PersonalDataErasure erasure) {
        for (Registration r : Registration.<Registration>list("subject", erasure.subject())) {
            if (r.status != RegistrationStatus.CANCELLED) {
                EventTimeline.record(r.eventId, r.id, "ERASE_PERSONAL_DATA", r.status, RegistrationStatus.CANCELLED,
                        "系统", null);
                r.status = RegistrationStatus.CANCELLED;
            }
            r.subject = "erased-" + r.id;
            r.name = "（已删除）";
            r.email = null;
        }
    }
}
