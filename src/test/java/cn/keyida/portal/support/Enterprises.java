package cn.keyida.portal.support;

import cn.keyida.portal.enterprise.EnterpriseProfile;
import cn.keyida.portal.enterprise.ProfileService;
import io.quarkus.arc.Arc;
import io.quarkus.narayana.jta.QuarkusTransaction;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

/** Profiles for the demo enterprise accounts, keyed by their real Keycloak subject. */
public final class Enterprises {

    private Enterprises() {}

    /** The OIDC subject (sub claim) of a Keycloak user, read from a real token. */
    public static String subject(String username) {
        String payload = Tokens.accessToken(username).split("\\.")[1];
        String json = new String(Base64.getUrlDecoder().decode(payload), StandardCharsets.UTF_8);
        return json.replaceAll(".*\"sub\":\"([^\"]+)\".*", "$1");
    }

    /** A profile whose address is the account's own, verified by Keycloak (so its mails are sent). */
    public static EnterpriseProfile ensureProfile(String username, String name, String creditCode, String email) {
        String subject = subject(username);
        EnterpriseProfile existing = QuarkusTransaction.requiringNew().call(() ->
                EnterpriseProfile.findBySubject(subject).orElse(null));
        if (existing != null) {
            return existing;
        }
        return Arc.container().instance(ProfileService.class).get().save(subject, new ProfileService.ProfileInput(
                name, creditCode, "利州区", "新材料", "王建国", "13900001111", email, List.of("高新技术企业"), "120",
                "2000万–5000万元", "4.5", "2015-03-01", false, null), email);
    }

    public static EnterpriseProfile enterpriseA() {
        return ensureProfile("enterprise1", "广元市测试新材料有限公司", "914403001922038216", "enterprise1@example.com");
    }

    public static EnterpriseProfile enterpriseB() {
        return ensureProfile("enterprise2", "广元市另一家科技有限公司", "91330100716105852F", "enterprise2@example.com");
    }

    /** A valid credit code no other profile holds (codes are unique per profile). */
    public static String freshCreditCode() {
        String alphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY";
        java.util.Random r = new java.util.Random();
        while (true) {
            String body = "91510800" + String.format("%08d", r.nextInt(100_000_000));
            for (char c17 : alphabet.toCharArray()) {
                for (char c18 : alphabet.toCharArray()) {
                    String code = body + c17 + c18;
                    if (cn.keyida.portal.enterprise.CreditCode.isValid(code)
                            && QuarkusTransaction.requiringNew().call(() -> EnterpriseProfile.count("creditCode", code)) == 0) {
                        return code;
                    }
                }
            }
        }
    }

    /**
     * A new 高新技术企业 in 利州区 with an arbitrary subject (no Keycloak account): for service tests whose
     * enterprise must not share state with other tests (the demo accounts' profiles are edited by some).
     */
    public static EnterpriseProfile fresh() {
        String subject = "test-enterprise-" + System.nanoTime();
        return Arc.container().instance(ProfileService.class).get().save(subject, new ProfileService.ProfileInput(
                "广元市测试" + subject.substring(16) + "科技有限公司", freshCreditCode(), "利州区", "新材料", "王建国",
                "13900001111", "enterprise1@example.com", List.of("高新技术企业"), "120", "2000万–5000万元", "4.5",
                "2015-03-01", false, null), null);
    }
}
