package cn.keyida.portal.vouchers;

import static org.assertj.core.api.Assertions.assertThat;

import cn.keyida.portal.common.PersonalDataErasure;
import cn.keyida.portal.common.PersonalDataExport;
import cn.keyida.portal.enterprise.EnterpriseProfile;
import cn.keyida.portal.enterprise.ProfileService;
import io.quarkus.arc.Arc;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A deleting enterprise: unused vouchers are cancelled (budget released), declared personal fields blanked; the export lists its vouchers. */
@QuarkusTest
class VoucherPersonalDataTest {

    @Test
    void exportListsTheVouchersAndErasureCancelsAndBlanks() {
        String subject = "voucher-erasure-" + System.nanoTime();
        EnterpriseProfile e = Arc.container().instance(ProfileService.class).get().save(subject,
                new ProfileService.ProfileInput("广元市待注销科技有限公司", cn.keyida.portal.support.Enterprises.freshCreditCode(), "利州区", "新材料", "刘洋",
                        "13900002222", "erasure@example.com", List.of("高新技术企业"), "20", "500万元以下", "3", "2020-01-01",
                        false, null), null);
        VoucherProvider p = VoucherFixtures.provider();
        VoucherBatch batch = VoucherFixtures.openBatch("50000", "20000");
        Voucher approved = VoucherFixtures.approved(e, batch, p, "6000", "3000");
        Voucher submitted = VoucherFixtures.apply(e, batch, p, "4000");

        Map<String, Object> sections = new LinkedHashMap<>();
        QuarkusTransaction.requiringNew().run(() -> Arc.container().beanManager().getEvent()
                .select(PersonalDataExport.class).fire(new PersonalDataExport(subject, e.id, sections)));
        assertThat((List<?>) sections.get("科技创新券")).hasSize(2);
        assertThat(sections.get("科技创新券").toString()).contains("王建国").contains("3000.00");

        QuarkusTransaction.requiringNew().run(() -> Arc.container().beanManager().getEvent()
                .select(PersonalDataErasure.class).fire(new PersonalDataErasure(subject, e.id, "erasure@example.com")));
        for (long id : new long[] {approved.id, submitted.id}) {
            Voucher v = QuarkusTransaction.requiringNew().call(() -> Voucher.<Voucher>findById(id));
            assertThat(v.status).isEqualTo(VoucherStatus.CANCELLED);
            assertThat(v.legalRepresentative).isEqualTo("（已删除）");
            assertThat(v.contactMobile).isEqualTo("（已删除）");
        }
        BigDecimal reserved = QuarkusTransaction.requiringNew().call(() -> (BigDecimal) VoucherBatch.getEntityManager()
                .createNativeQuery("select reserved from voucher_batch where id = :id").setParameter("id", batch.id)
                .getSingleResult());
        assertThat(reserved).isEqualByComparingTo("0.00");
    }
}
