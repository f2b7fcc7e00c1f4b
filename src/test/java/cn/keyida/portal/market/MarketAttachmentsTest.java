package cn.keyida.portal.market;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;

import cn.keyida.portal.support.UserSession;
import io.quarkus.arc.Arc;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;

/**
 * Achievement attachments through the pages: PDF and images checked by content (as needs'), all or nothing,
 * Chinese messages; a draft's files only for its owner and staff, a published one's for everybody.
 */
@QuarkusTest
class MarketAttachmentsTest {

    static final byte[] PDF = "%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);
    static final byte[] PNG = Base64.getDecoder().decode(
            "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==");

    @Inject
    MarketWorkflow workflow;

    @Test
    void ownerUploadsCheckedFilesAndTheyArePublicOnlyOncePublished() {
        String uni = MarketFixtures.university();
        MarketItem a = workflow.create(MarketKind.ACHIEVEMENT, MarketWorkflow.OwnerKind.INSTITUTION, uni,
                MarketFixtures.achievement("附件测试成果" + System.nanoTime(), "03", "附件测试。", "技术转让", "20"), "x");
        UserSession owner = new UserSession("university1");
        owner.open("/my/market/" + a.id).then().statusCode(200).body(containsString("上传附件"));

        // A PNG named .pdf and a Word file next to a good PDF: refused, nothing saved.
        owner.multipart().multiPart("item", String.valueOf(a.id))
                .multiPart("files", "summary.pdf", PDF, "application/pdf")
                .multiPart("files", "report.pdf", PNG, "application/pdf")
                .post("/my/market/attachments").then().statusCode(400).body(containsString("“report.pdf”：文件内容与扩展名不符"));
        assertThat(count(a.id)).isZero();
        owner.open("/my/market/" + a.id);
        owner.multipart().multiPart("item", String.valueOf(a.id))
                .multiPart("files", "notes.docx", "PK\u0003\u0004word/".getBytes(StandardCharsets.ISO_8859_1), "application/octet-stream")
                .post("/my/market/attachments").then().statusCode(400);
        assertThat(count(a.id)).isZero();

        owner.open("/my/market/" + a.id);
        owner.multipart().multiPart("item", String.valueOf(a.id))
                .multiPart("files", "summary.pdf", PDF, "application/pdf")
                .multiPart("files", "sample.png", PNG, "image/png")
                .post("/my/market/attachments").then().statusCode(303);
        assertThat(count(a.id)).isEqualTo(2);
        long pdf = QuarkusTransaction.requiringNew().call(() -> MarketAttachment.<MarketAttachment>find(
                "itemId = ?1 and fileName = ?2", a.id, "summary.pdf").firstResult().id);
        byte[] mine = owner.request().get("/my/market/" + a.id + "/files/" + pdf).then().statusCode(200)
                .header("Content-Disposition", containsString("attachment")).extract().asByteArray();
        assertThat(mine).isEqualTo(PDF);
        // Another institution's user, and the public while it is a draft: not found.
        UserSession.anonymous().open("/market/achievements/" + a.id + "/files/" + pdf).then().statusCode(404);
        new UserSession("staff1").request().get("/staff/market/items/" + a.id + "/files/" + pdf).then().statusCode(200);

        MarketItem s = workflow.submit(a.id, uni, a.version, "x");
        workflow.approve(s.id, s.version, "", "x");
        UserSession.anonymous().open("/market/achievements/" + a.id).then().statusCode(200).body(containsString("summary.pdf"));
        assertThat(UserSession.anonymous().request().get("/market/achievements/" + a.id + "/files/" + pdf).then()
                .statusCode(200).extract().asByteArray()).isEqualTo(PDF);

        owner.open("/my/market/" + a.id);
        owner.form().post("/my/market/" + a.id + "/files/" + pdf + "/delete").then().statusCode(303);
        assertThat(count(a.id)).isEqualTo(1);
    }

    @Inject
    jakarta.enterprise.event.Event<cn.keyida.portal.common.PersonalDataErasure> erasures;

    @Test
    void erasureOfTheOwnersPersonalDataDeletesTheFiles() {
        String subject = "erase-" + System.nanoTime();
        Arc.container().instance(InstitutionService.class).get().save(subject, java.util.Map.of("name", "删除测试研究所",
                "kind", "科研院所", "code", "事证第151000009999号", "contactPerson", "王工", "mobile", "13900003333",
                "email", "erase@example.com"), null);
        MarketItem a = workflow.create(MarketKind.ACHIEVEMENT, MarketWorkflow.OwnerKind.INSTITUTION, subject,
                MarketFixtures.achievement("删除测试成果" + System.nanoTime(), "03", "删除测试。", "技术转让", "20"), "x");
        attachments.add(a.id, subject, java.util.List.of(new MarketAttachments.Upload("summary.pdf", PDF)), "x");
        assertThat(count(a.id)).isEqualTo(1);
        QuarkusTransaction.requiringNew().run(() -> erasures.fire(new cn.keyida.portal.common.PersonalDataErasure(subject, 0, "erase@example.com")));
        assertThat(count(a.id)).isZero();
    }

    @Inject
    MarketAttachments attachments;

    private static long count(long itemId) {
        return QuarkusTransaction.requiringNew().call(() -> MarketAttachment.count("itemId", itemId));
    }
}
