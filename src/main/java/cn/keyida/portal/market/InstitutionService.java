package cn.keyida.portal.market;

import cn.keyida.portal.enterprise.CreditCode;
import cn.keyida.portal.enterprise.MobileNumber;
import cn.keyida.portal.web.FieldErrors;
import cn.keyida.portal.web.Texts;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/** The institution profile (高校、科研院所), required before an institution publishes. */
@ApplicationScoped
public class InstitutionService {

    /** 事业单位法人证书号: 事证第 + 12 digits + 号. */
    static final Pattern PUBLIC_INSTITUTION_CERTIFICATE = Pattern.compile("事证第\\d{12}号");
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");

    @Transactional
    public Optional<InstitutionProfile> find(String subject) {
        return InstitutionProfile.findBySubject(subject);
    }

    /** Form values of the profile (empty for a new one). */
    @Transactional
    public Map<String, String> form(String subject) {
        Map<String, String> v = new LinkedHashMap<>();
        InstitutionProfile.findBySubject(subject).ifPresent(p -> {
            v.put("name", p.name);
            v.put("kind", p.kind);
            v.put("code", p.code);
            v.put("contactPerson", p.contactPerson);
            v.put("mobile", p.mobile);
            v.put("email", p.email);
            v.put("version", String.valueOf(p.version));
        });
        return v;
    }

    /** Creates or updates; {@code version} is the one the form showed (null for a new profile). */
    @Transactional
    public InstitutionProfile save(String subject, Map<String, String> form, Long version) {
        FieldErrors.Builder errors = new FieldErrors.Builder();
        String name = MarketItems.text(form, "name");
        if (name.isEmpty() || name.length() > 100) {
            errors.add("name", "请填写单位名称（不超过100字）");
        } else if (Texts.hasControlCharacters(name, false)) {
            errors.add("name", "单位名称含有不允许的字符");
        }
        String kind = MarketItems.text(form, "kind");
        if (!InstitutionProfile.KINDS.contains(kind)) {
            errors.add("kind", "请选择单位类型");
        }
        String code = MarketItems.text(form, "code").toUpperCase();
        if (code.isEmpty()) {
            errors.add("code", "请填写统一社会信用代码或事业单位法人证书号");
        } else if (!PUBLIC_INSTITUTION_CERTIFICATE.matcher(code).matches()) {
            String normal = CreditCode.normalize(code);
            Optional<String> problem = CreditCode.problem(normal);
            if (problem.isPresent()) {
                errors.add("code", problem.get() + "；事业单位法人证书号应为“事证第”加12位数字加“号”");
            } else {
                code = normal;
            }
        }
        String contact = MarketItems.text(form, "contactPerson");
        if (contact.isEmpty() || contact.length() > 50) {
            errors.add("contactPerson", "请填写联系人");
        }
        String mobile = MobileNumber.normalize(MarketItems.text(form, "mobile"));
        MobileNumber.problem(mobile).ifPresent(p -> errors.add("mobile", p));
        String email = MarketItems.text(form, "email");
        if (!EMAIL.matcher(email).matches() || email.length() > 200) {
            errors.add("email", "请填写正确的电子邮箱");
        }
        errors.throwIfAny();
        InstitutionProfile p = InstitutionProfile.findBySubject(subject).orElseGet(InstitutionProfile::new);
        if (p.id != null && version != null && p.version != version) {
            throw MarketConflictException.stale();
        }
        p.subject = subject;
        p.name = name;
        p.kind = kind;
        p.code = code;
        p.contactPerson = contact;
        p.mobile = mobile;
        p.email = email;
        p.persist();
        return p;
    }
}
