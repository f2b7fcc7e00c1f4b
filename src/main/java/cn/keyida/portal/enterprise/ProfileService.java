package cn.keyida.portal.enterprise;

import cn.keyida.portal.web.FieldErrors;
import cn.keyida.portal.web.Texts;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.Optional;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.regex.Pattern;

/** Creates and updates an enterprise's own profile; every field is checked before anything is stored. */
@ApplicationScoped
public class ProfileService {

    private static final Pattern EMAIL = Pattern.compile("[^@\\s]{1,64}@[^@\\s]{1,190}\\.[A-Za-z]{2,}");

    public record ProfileInput(String name, String creditCode, String district, String industry,
            String contactPerson, String mobile, String email, List<String> qualifications, String employees,
            String revenueBand, String rdRatio, String registeredOn, boolean policyMail, String version) {}

    /** The profile of the enterprise with this login, if it has filled one in. */
    @Transactional
    public Optional<EnterpriseProfile> find(String subject) {
        return EnterpriseProfile.findBySubject(subject);
    }

    private final EmailVerification verification;

    ProfileService(EmailVerification verification) {
        this.verification = verification;
    }

    /**
     * Saves the profile. {@code verifiedAccountEmail} is the login's e-mail address if Keycloak verified
     * it ({@code email_verified}): a profile address equal to it counts as verified at once; any other new
     * address gets a signed verification link and no other mail until it is opened.
     */
    @Transactional
    public EnterpriseProfile save(String subject, ProfileInput in, String verifiedAccountEmail) {
        FieldErrors.Builder e = new FieldErrors.Builder();
        required(e, "name", "企业名称", in.name(), 100);
        CreditCode.problem(in.creditCode()).ifPresent(p -> e.add("creditCode", p));
        if (in.district() == null || !EnterpriseProfile.DISTRICTS.contains(in.district())) {
            e.add("district", "请选择所在区县");
        }
        required(e, "industry", "所属行业", in.industry(), 50);
        required(e, "contactPerson", "联系人", in.contactPerson(), 30);
        MobileNumber.problem(in.mobile()).ifPresent(p -> e.add("mobile", p));
        if (in.email() == null || !EMAIL.matcher(in.email().strip()).matches()) {
            e.add("email", "请填写有效的电子邮箱");
        }
        List<String> quals = in.qualifications() == null ? List.of() : in.qualifications();
        if (!EnterpriseProfile.QUALIFICATIONS.containsAll(quals)) {
            e.add("qualifications", "资质选项不正确");
        }
        Integer employees = null;
        if (in.employees() != null && !in.employees().isBlank()) {
            try {
                employees = Integer.valueOf(in.employees().strip());
                if (employees < 0 || employees > 1_000_000) {
                    e.add("employees", "职工人数应在 0 到 1000000 之间");
                }
            } catch (NumberFormatException ex) {
                e.add("employees", "职工人数应为整数");
            }
        }
        if (in.revenueBand() != null && !in.revenueBand().isBlank()
                && !EnterpriseProfile.REVENUE_BANDS.contains(in.revenueBand())) {
            e.add("revenueBand", "营业收入区间不正确");
        }
        BigDecimal rd = null;
        if (in.rdRatio() != null && !in.rdRatio().isBlank()) {
            try {
                rd = new BigDecimal(in.rdRatio().strip());
                if (rd.signum() < 0 || rd.compareTo(new BigDecimal("100")) > 0 || rd.scale() > 2) {
                    e.add("rdRatio", "研发投入占比应为 0–100 之间的数，最多两位小数");
                }
            } catch (NumberFormatException ex) {
                e.add("rdRatio", "研发投入占比应为数字，如 3.5");
            }
        }
        LocalDate registeredOn = null;
        if (in.registeredOn() != null && !in.registeredOn().isBlank()) {
            try {
                registeredOn = LocalDate.parse(in.registeredOn().strip());
                if (registeredOn.isAfter(LocalDate.now()) || registeredOn.getYear() < 1949) {
                    e.add("registeredOn", "成立日期应在 1949 年至今之间");
                }
            } catch (DateTimeParseException ex) {
                e.add("registeredOn", "成立日期格式应为 2018-06-30");
            }
        }
        String code = CreditCode.normalize(in.creditCode());
        EnterpriseProfile existing = EnterpriseProfile.findBySubject(subject).orElse(null);
        if (e.isEmpty() && EnterpriseProfile.count("creditCode = ?1 and subject <> ?2", code, subject) > 0) {
            e.add("creditCode", "该统一社会信用代码已被其他账号登记，如有疑问请联系科技局");
        }
        e.throwIfAny();

        EnterpriseProfile p = existing;
        if (p == null) {
            p = new EnterpriseProfile();
            p.subject = subject;
        } else if (in.version() != null && !in.version().isBlank() && !String.valueOf(p.version).equals(in.version())) {
            throw cn.keyida.portal.web.ConflictException.staleEdit();
        }
        p.name = in.name().strip();
        p.creditCode = code;
        p.district = in.district();
        p.industry = in.industry().strip();
        p.contactPerson = in.contactPerson().strip();
        p.mobile = MobileNumber.normalize(in.mobile());
        String email = in.email().strip();
        boolean newAddress = existing == null || !email.equalsIgnoreCase(existing.email);
        p.email = email;
        p.qualifications = List.copyOf(quals);
        p.employees = employees;
        p.revenueBand = in.revenueBand() == null || in.revenueBand().isBlank() ? null : in.revenueBand();
        p.rdRatio = rd;
        p.registeredOn = registeredOn;
        p.policyMail = in.policyMail();
        if (verifiedAccountEmail != null && email.equalsIgnoreCase(verifiedAccountEmail.strip())) {
            p.emailVerifiedAt = p.emailVerifiedAt == null || newAddress ? Instant.now() : p.emailVerifiedAt;
        } else if (newAddress) {
            p.emailVerifiedAt = null;
        }
        if (existing == null) {
            p.persist();
        }
        if (p.emailVerifiedAt == null && newAddress) {
            verification.send(p);
        }
        return p;
    }

    /** Mails the verification link again (at most one per address every few minutes); false if none was due. */
    @Transactional
    public boolean resendVerification(String subject) {
        EnterpriseProfile p = EnterpriseProfile.findBySubject(subject).orElse(null);
        return p != null && p.emailVerifiedAt == null && p.email != null && !p.email.isBlank() && verification.send(p);
    }

    /** The link from the verification mail, opened by the enterprise's login. */
    public void verify(String subject, String token) {
        verification.verify(subject, token);
    }

    private static void required(FieldErrors.Builder e, String field, String label, String value, int max) {
        if (value == null || value.isBlank()) {
            e.add(field, "请填写" + label);
        } else if (value.strip().length() > max) {
            e.add(field, label + "不能超过 " + max + " 个字");
        } else if (Texts.hasControlCharacters(value, false)) {
            e.add(field, label + Texts.CONTROL_MESSAGE);
        }
    }
}
