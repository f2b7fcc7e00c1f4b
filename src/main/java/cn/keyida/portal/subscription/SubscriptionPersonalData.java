package cn.keyida.portal.subscription;

import cn.keyida.portal.common.PersonalDataErasure;
import cn.keyida.portal.common.PersonalDataExport;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.Map;

/** Saved searches in a person's data export and erasure. */
@ApplicationScoped
class SubscriptionPersonalData {

    void export(@Observes @Priority(30) PersonalDataExport export) {
        export.sections().put("订阅", Subscription.listFor(export.subject()).stream()
                .map(s -> Map.of("搜索", s.describe(), "频率", s.frequency.label, "邮箱", s.email)).toList());
    }

    void erase(@Observes PersonalDataErasure erasure) {
        Subscription.delete("subject", erasure.subject());
    }
}
