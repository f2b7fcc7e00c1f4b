package cn.keyida.portal.market;

import cn.keyida.portal.common.PersonalDataErasure;
import cn.keyida.portal.common.PersonalDataExport;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Personal data in the market: the export lists the person's demands, achievements and cases; the
 * erasure takes their items down through the state machine (the timeline records it) and drops their
 * contact address from the items, keeping what the statistics count.
 */
@ApplicationScoped
class MarketPersonalData {

    private final Event<MarketChanged> changed;

    MarketPersonalData(Event<MarketChanged> changed) {
        this.changed = changed;
    }

    void export(@Observes @Priority(20) PersonalDataExport export) {
        List<MarketItem> items = MarketItem.list("ownerSubject = ?1 order by id", export.subject());
        export.sections().put("技术市场发布的信息", items.stream().map(i -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("类型", i.kind.label);
            m.put("标题", i.title);
            m.put("状态", i.status.label);
            m.put("描述", i.description);
            m.put("发布时间", i.publishedAt == null ? "" : i.publishedAt.toString());
            return m;
        }).toList());
        List<MarketCase> cases = MarketCase.list("demandSubject = ?1 or supplySubject = ?1 order by id", export.subject());
        export.sections().put("技术市场对接案例", cases.stream().map(c -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("编号", c.id);
            m.put("双方", c.title());
            m.put("状态", c.status.label);
            m.put("合同金额（万元）", c.amount == null ? "" : c.amount.toPlainString());
            return m;
        }).toList());
    }

    void erase(@Observes PersonalDataErasure erasure) {
        for (MarketItem item : MarketItem.<MarketItem>list("ownerSubject", erasure.subject())) {
            boolean wasPublished = item.status == ItemStatus.PUBLISHED;
            ItemStatus from = MarketWorkflow.move(item, ItemAction.ERASE_PERSONAL_DATA);
            item.ownerEmail = null;
            item.pending = null;
            item.namePublic = false;
            // Uploaded files may name people (brochures, reports): they go with the personal data.
            MarketAttachment.delete("itemId", item.id);
            MarketEvent.item(item, "发布者", "发布者删除个人信息", from, "", true);
            if (wasPublished) {
                changed.fire(new MarketChanged(item.id, item.slug(), true, false));
            }
        }
    }
}
