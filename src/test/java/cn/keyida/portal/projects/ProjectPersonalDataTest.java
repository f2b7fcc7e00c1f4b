package cn.keyida.portal.projects;

import static org.assertj.core.api.Assertions.assertThat;

import cn.keyida.portal.common.PersonalDataErasure;
import cn.keyida.portal.common.PersonalDataExport;
import cn.keyida.portal.enterprise.EnterpriseProfile;
import cn.keyida.portal.enterprise.ProfileService;
import io.quarkus.arc.Arc;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A deleting applicant: the export lists its applications; erasure withdraws the open one and blanks contacts. */
@QuarkusTest
class ProjectPersonalDataTest {

    /** A valid credit code no other profile holds (codes are unique per profile). */
    static String freshCreditCode() {
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

    @Test
    void exportListsApplicationsAndErasureWithdrawsAndBlanks() {
        String subject = "project-erasure-" + System.nanoTime();
        EnterpriseProfile e = Arc.container().instance(ProfileService.class).get().save(subject,
                new ProfileService.ProfileInput("广元市待注销农业科技有限公司",
                        freshCreditCode(), "利州区", "农业", "刘洋",
                        "13900002222", "erasure@example.com", List.of("高新技术企业"), "20", "500万元以下", "3",
                        "2020-01-01", false, null), null);
        ProjectCall call = ProjectFixtures.openCall(3, "06");
        ProjectApplication open = ProjectFixtures.submitted(e, call, "06");
        Map<String, Object> sections = new LinkedHashMap<>();
        QuarkusTransaction.requiringNew().run(() -> Arc.container().beanManager().getEvent()
                .select(PersonalDataExport.class).fire(new PersonalDataExport(subject, e.id, sections)));
        assertThat((List<?>) sections.get("科技计划项目申报")).hasSize(1);
        assertThat(sections.get("科技计划项目申报").toString()).contains("13900001111").contains("提交申报");
        QuarkusTransaction.requiringNew().run(() -> Arc.container().beanManager().getEvent()
                .select(PersonalDataErasure.class).fire(new PersonalDataErasure(subject, e.id, "erasure@example.com")));
        ProjectApplication after = ProjectFixtures.reload(open.id);
        assertThat(after.status).isEqualTo(ProjectStatus.WITHDRAWN);
        assertThat(after.contactMobile).isEqualTo("（已删除）");
        assertThat(after.applicantEmail).isNull();
    }
}
