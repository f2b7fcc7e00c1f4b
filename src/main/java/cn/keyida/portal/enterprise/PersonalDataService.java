package cn.keyida.portal.enterprise;

import cn.keyida.portal.common.PersonalDataErasure;
import cn.keyida.portal.common.PersonalDataExport;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.transaction.Transactional;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * PIPL rights of an enterprise user: a copy of everything the portal keeps about it, and deletion.
 * The profile is this feature's; every other feature answers the {@link PersonalDataExport} and
 * {@link PersonalDataErasure} events for its own rows, in the same transaction. The needs stay,
 * anonymised, because the bureau's statistics and records count them.
 */
@ApplicationScoped
public class PersonalDataService {

    private final Event<PersonalDataExport> exports;
    private final Event<PersonalDataErasure> erasures;

    PersonalDataService(Event<PersonalDataExport> exports, Event<PersonalDataErasure> erasures) {
        this.exports = exports;
        this.erasures = erasures;
    }

    @Transactional
    public Map<String, Object> export(String subject) {
        Map<String, Object> out = new LinkedHashMap<>();
        EnterpriseProfile p = EnterpriseProfile.findBySubject(subject).orElse(null);
        out.put("说明", "科易达科技服务平台保存的与您的账号有关的全部数据");
        out.put("企业信息", p == null ? null : profile(p));
        exports.fire(new PersonalDataExport(subject, p == null ? null : p.id, out));
        return out;
    }

    private static Map<String, Object> profile(EnterpriseProfile p) {
        Map<String, Object> profile = new LinkedHashMap<>();
        profile.put("企业名称", p.name);
        profile.put("统一社会信用代码", p.creditCode);
        profile.put("所在区县", p.district);
        profile.put("所属行业", p.industry);
        profile.put("联系人", p.contactPerson);
        profile.put("手机号码", p.mobile);
        profile.put("电子邮箱", p.email);
        profile.put("企业资质", p.qualifications);
        profile.put("职工人数", p.employees);
        profile.put("营业收入", p.revenueBand);
        profile.put("研发投入占比", p.rdRatio);
        profile.put("成立日期", p.registeredOn == null ? null : p.registeredOn.toString());
        profile.put("接收政策推送邮件", p.policyMail);
        return profile;
    }

    /** Returns whether there was anything to delete. */
    @Transactional
    public boolean delete(String subject) {
        EnterpriseProfile p = EnterpriseProfile.findBySubject(subject).orElse(null);
        if (p == null) {
            return false;
        }
        erasures.fire(new PersonalDataErasure(subject, p.id, p.email));
        p.subject = "deleted-" + UUID.randomUUID();
        p.name = "已删除信息的企业 #" + p.id;
        p.creditCode = "X" + String.format("%017d", p.id);
        p.industry = "";
        p.contactPerson = "";
        p.mobile = "";
        p.email = "";
        p.emailVerifiedAt = null;
        p.qualifications = List.of();
        p.employees = null;
        p.revenueBand = null;
        p.rdRatio = null;
        p.registeredOn = null;
        p.policyMail = false;
        return true;
    }
}
