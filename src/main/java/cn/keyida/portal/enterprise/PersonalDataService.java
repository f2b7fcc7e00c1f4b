package cn.keyida.portal.enterprise;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * PIPL rights of an enterprise user: a copy of everything the portal keeps about it, and deletion.
 * Deletion removes the personal and identifying data and the attachments; the needs themselves stay,
 * anonymised, because the bureau's statistics and records count them.
 */
@ApplicationScoped
public class PersonalDataService {

    private final EntityManager em;

    PersonalDataService(EntityManager em) {
        this.em = em;
    }

    @Transactional
    @SuppressWarnings("unchecked")
    public Map<String, Object> export(String subject) {
        Map<String, Object> out = new LinkedHashMap<>();
        EnterpriseProfile p = EnterpriseProfile.findBySubject(subject).orElse(null);
        out.put("说明", "科易达科技服务平台保存的与您的账号有关的全部数据");
        if (p == null) {
            out.put("企业信息", null);
            out.put("需求", List.of());
            return out;
        }
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
        out.put("企业信息", profile);
        List<Object[]> needs = em.createNativeQuery("""
                select n.id, n.tracking_no, n.title, n.description, n.expected_outcome, n.status, n.submitted_at, n.resolution
                from need n where n.enterprise_id = :e order by n.id""").setParameter("e", p.id).getResultList();
        out.put("需求", needs.stream().map(r -> {
            Map<String, Object> n = new LinkedHashMap<>();
            n.put("编号", r[1]);
            n.put("标题", r[2]);
            n.put("描述", r[3]);
            n.put("预期成效", r[4]);
            n.put("状态", r[5]);
            n.put("提交时间", String.valueOf(r[6]));
            n.put("办理结果", r[7]);
            n.put("办理记录", em.createNativeQuery("""
                    select at::text, action, note from need_event where need_id = :n and public order by id""")
                    .setParameter("n", r[0]).getResultList().stream()
                    .map(e -> Map.of("时间", ((Object[]) e)[0], "事项", ((Object[]) e)[1], "说明", ((Object[]) e)[2])).toList());
            n.put("附件", em.createNativeQuery("select file_name from need_attachment where need_id = :n order by id")
                    .setParameter("n", r[0]).getResultList());
            return n;
        }).toList());
        return out;
    }

    /** Returns whether there was anything to delete. */
    @Transactional
    public boolean delete(String subject) {
        EnterpriseProfile p = EnterpriseProfile.findBySubject(subject).orElse(null);
        if (p == null) {
            return false;
        }
        em.createNativeQuery("delete from need_attachment where need_id in (select id from need where enterprise_id = :e)")
                .setParameter("e", p.id).executeUpdate();
        em.createNativeQuery("""
                update need set status = case when status in ('SUBMITTED','ACCEPTED','ASSIGNED','IN_PROGRESS','WAITING_INFO')
                                              then 'WITHDRAWN' else status end,
                                title = '（企业已删除个人信息）', description = '（企业已删除个人信息）', expected_outcome = '',
                                version = version + 1, updated_at = now()
                where enterprise_id = :e""").setParameter("e", p.id).executeUpdate();
        em.createNativeQuery("delete from mail_outbox where recipient = :m and sent_at is null")
                .setParameter("m", p.email).executeUpdate();
        em.createNativeQuery("delete from enterprise_message where subject = :s").setParameter("s", subject)
                .executeUpdate();
        em.createNativeQuery("delete from subscription where subject = :s").setParameter("s", subject).executeUpdate();
        p.subject = "deleted-" + UUID.randomUUID();
        p.name = "已删除信息的企业 #" + p.id;
        p.creditCode = "X" + String.format("%017d", p.id);
        p.industry = "";
        p.contactPerson = "";
        p.mobile = "";
        p.email = "";
        p.qualifications = List.of();
        p.employees = null;
        p.revenueBand = null;
        p.rdRatio = null;
        p.registeredOn = null;
        p.policyMail = false;
        return true;
    }
}
