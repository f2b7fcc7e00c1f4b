package cn.keyida.portal.vouchers;

import cn.keyida.portal.common.PersonalDataExport;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The vouchers part of a person's data export: the enterprise's applications with their timelines, and
 * a provider's registration (erasure: {@link VoucherWorkflow#erase}, through the state machine).
 */
@ApplicationScoped
class VoucherPersonalData {

    void export(@Observes @Priority(20) PersonalDataExport export) {
        List<Voucher> vouchers = export.profileId() == null ? List.of()
                : Voucher.list("enterpriseId = ?1 order by id", export.profileId());
        export.sections().put("科技创新券", vouchers.stream().map(VoucherPersonalData::voucher).toList());
        VoucherProvider.findBySubject(export.subject()).ifPresent(p -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("机构名称", p.name);
            m.put("法定代表人", p.legalRepresentative);
            m.put("联系人", p.contactPerson);
            m.put("联系电话", p.mobile);
            m.put("电子邮箱", p.email);
            m.put("状态", p.status.label);
            export.sections().put("创新券服务机构登记", m);
        });
    }

    private static Map<String, Object> voucher(Voucher v) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("券号", v.number);
        m.put("服务", v.serviceText);
        m.put("类别", v.category.label);
        m.put("法定代表人（申报）", v.legalRepresentative);
        m.put("联系电话（申报）", v.contactMobile);
        m.put("报价（元）", v.quoteAmount.toPlainString());
        m.put("申请金额（元）", v.requestedAmount.toPlainString());
        m.put("核准金额（元）", v.approvedAmount == null ? null : v.approvedAmount.toPlainString());
        m.put("兑付金额（元）", v.redemptionAmount == null ? null : v.redemptionAmount.toPlainString());
        m.put("状态", v.status.label);
        m.put("办理记录", VoucherEvent.timeline(v.id).stream()
                .map(e -> Map.of("时间", String.valueOf(e.at), "事项", e.action, "说明", e.note)).toList());
        return m;
    }
}
