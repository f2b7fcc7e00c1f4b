package cn.keyida.portal.experts;

import cn.keyida.portal.support.Enterprises;
import io.quarkus.arc.Arc;
import io.quarkus.narayana.jta.QuarkusTransaction;
import java.util.List;

/** Experts the pool's tests share: synthetic ones by subject, and the realm's expert accounts. */
public final class ExpertFixtures {

    private ExpertFixtures() {}

    static ExpertInput input(String version, String name, List<String> fields, String specialities, String email) {
        return new ExpertInput(version, name, "广元理工学院", "教授", fields, specialities,
                List.of("CONSULT", "REVIEW", "ONSITE"), "工作日下午", "利州区", name + "长期从事" + specialities + "研究。",
                "13912345678", email);
    }

    static ExpertRegistry registry() {
        return Arc.container().instance(ExpertRegistry.class).get();
    }

    /** A registered, admitted expert with a made-up subject. */
    static Expert admitted(String subject, String name, List<String> fields, String specialities) {
        Expert e = registry().register(subject, subject, input("0", name, fields, specialities, subject + "@example.com"), "测试");
        return registry().decide(e.id, e.version, ExpertRegistry.Decision.ADMIT, "", "测试");
    }

    /**
     * The realm account (expert1 … expert6) registered and admitted, whatever other tests did before
     * (idempotent); returns its id.
     */
    public static long activeAccount(String username, String name, String organisation, List<String> fields) {
        String subject = Enterprises.subject(username);
        Expert e = QuarkusTransaction.requiringNew().call(() -> Expert.findBySubject(subject)
                .or(() -> Expert.findByUsername(username)).orElse(null));
        if (e == null) {
            e = registry().register(subject, username, new ExpertInput("0", name, organisation, "研究员", fields,
                    "测试专长", List.of("CONSULT", "REVIEW", "ONSITE"), "", "利州区", "测试专家", "13900005555",
                    username + "@example.com"), "测试");
        }
        if (e.status == ExpertStatus.PENDING) {
            e = registry().decide(e.id, e.version, ExpertRegistry.Decision.ADMIT, "", "测试");
        }
        if (e.status == ExpertStatus.SUSPENDED) {
            e = registry().decide(e.id, e.version, ExpertRegistry.Decision.RESUME, "", "测试");
        }
        if (e.status == ExpertStatus.LAPSED) {
            e = registry().confirm(subject, e.version, "测试");
        }
        return e.id;
    }
}
