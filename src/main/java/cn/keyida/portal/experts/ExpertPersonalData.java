package cn.keyida.portal.experts;

import cn.keyida.portal.common.PersonalDataErasure;
import cn.keyida.portal.common.PersonalDataExport;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The pool's part of a person's data: an expert's own entry, and the ratings an enterprise gave. On an
 * enterprise's erasure its rating comments are dropped (the scores stay in the experts' counters).
 */
@ApplicationScoped
class ExpertPersonalData {

    void export(@Observes @Priority(20) PersonalDataExport export) {
        Expert.findBySubject(export.subject()).ifPresent(e -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("姓名", e.name);
            m.put("工作单位", e.organisation);
            m.put("职称", e.title);
            m.put("专长", String.join("、", e.specialities));
            m.put("个人简介", e.profile);
            m.put("手机号码", e.phone);
            m.put("电子邮箱", e.email);
            m.put("状态", e.status.label);
            m.put("办理记录", ExpertEvent.timeline(e.id, true).stream()
                    .map(x -> Map.of("时间", String.valueOf(x.at), "事项", x.action, "说明", x.note)).toList());
            export.sections().put("科技专家库登记", m);
        });
        List<ExpertRating> ratings = ExpertRating.list("ratedBy = ?1 order by id", export.subject());
        if (!ratings.isEmpty()) {
            export.sections().put("对专家咨询的评价", ratings.stream()
                    .map(r -> Map.of("时间", String.valueOf(r.at), "评分", String.valueOf(r.score), "意见", r.comment)).toList());
        }
    }

    void erase(@Observes PersonalDataErasure erasure) {
        ExpertRating.getEntityManager().createNativeQuery(
                "update expert_rating set comment = '', rated_by = 'erased' where rated_by = :s")
                .setParameter("s", erasure.subject()).executeUpdate();
    }
}
