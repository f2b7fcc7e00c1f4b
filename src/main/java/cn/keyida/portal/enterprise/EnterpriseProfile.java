package cn.keyida.portal.enterprise;

import cn.keyida.portal.common.BaseEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** An enterprise's profile, keyed by its user's OIDC subject; required before the first need. */
@Entity
@Table(name = "enterprise_profile")
public class EnterpriseProfile extends BaseEntity {

    public static final List<String> DISTRICTS = List.of("利州区", "昭化区", "朝天区", "旺苍县", "青川县", "剑阁县", "苍溪县",
            "广元经济技术开发区", "其他");
    public static final List<String> QUALIFICATIONS = List.of("高新技术企业", "科技型中小企业", "专精特新中小企业",
            "专精特新“小巨人”企业", "创新型中小企业", "瞪羚企业", "技术先进型服务企业");
    public static final List<String> REVENUE_BANDS = List.of("500万元以下", "500万–2000万元", "2000万–5000万元",
            "5000万–2亿元", "2亿元以上");

    /** The choices of the profile form; the policy calculator asks the same questions. */
    public record Options(List<String> districts, List<String> qualifications, List<String> revenueBands) {}

    public static final Options OPTIONS = new Options(DISTRICTS, QUALIFICATIONS, REVENUE_BANDS);

    public String subject;
    public String name;

    @Column(name = "credit_code")
    public String creditCode;

    public String district;
    public String industry;

    @Column(name = "contact_person")
    public String contactPerson;

    public String mobile;
    public String email;

    /** When {@link #email} was verified; null until then, and again after it changes. */
    @Column(name = "email_verified_at")
    public Instant emailVerifiedAt;

    @JdbcTypeCode(SqlTypes.JSON)
    public List<String> qualifications = new ArrayList<>();

    public Integer employees;

    @Column(name = "revenue_band")
    public String revenueBand;

    @Column(name = "rd_ratio")
    public BigDecimal rdRatio;

    @Column(name = "registered_on")
    public LocalDate registeredOn;

    /** Consent to "policy finds enterprise" mails (matches and deadline reminders). */
    @Column(name = "policy_mail")
    public boolean policyMail;

    /**
     * Where the portal may send this enterprise mail: its address once verified, else null (no mail is
     * queued), so nobody can have the portal mail a stranger by typing the stranger's address.
     */
    public String mailAddress() {
        return emailVerifiedAt != null ? email : null;
    }

    /** The profile as form values (also what the policy calculator starts from). */
    public Map<String, String> formValues() {
        Map<String, String> values = new LinkedHashMap<>();
        values.put("name", name);
        values.put("creditCode", creditCode);
        values.put("district", district);
        values.put("industry", industry);
        values.put("contactPerson", contactPerson);
        values.put("mobile", mobile);
        values.put("email", email);
        values.put("employees", employees == null ? "" : employees.toString());
        values.put("revenueBand", revenueBand == null ? "" : revenueBand);
        values.put("rdRatio", rdRatio == null ? "" : rdRatio.toPlainString());
        values.put("registeredOn", registeredOn == null ? "" : registeredOn.toString());
        values.put("policyMail", String.valueOf(policyMail));
        values.put("version", String.valueOf(version));
        return values;
    }

    public static Optional<EnterpriseProfile> findBySubject(String subject) {
        return find("subject", subject).firstResultOptional();
    }
}
