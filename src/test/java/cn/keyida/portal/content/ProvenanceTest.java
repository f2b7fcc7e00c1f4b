package cn.keyida.portal.content;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import cn.keyida.portal.support.SampleData;
import cn.keyida.portal.support.UserSession;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Internal provenance stays internal: curator notes and mirror links appear on no public page and in
 * no open-data record; the public 来源 names the issuing body and links the original only when it is
 * a government site, else says 转载自; staff get the list of items to fix.
 */
@QuarkusTest
class ProvenanceTest {

    static final String REPOST = "pol-gaoqi-rending-tiaojian-art11";
    static final String OFFICIAL = "pol-guangyuan-shisiwu-keji-zhishichanquan-guihua";

    @Inject
    ContentImport importer;

    @BeforeEach
    void corpus() {
        SampleData.importCorpus(importer);
    }

    @Test
    void noPublicPageOrApiRecordShowsCuratorNotesOrMirrorLinks() {
        List<ContentItem> withNotes = QuarkusTransaction.requiringNew().call(() -> ContentItem.<ContentItem>list(
                "status = ?1", ContentStatus.PUBLISHED).stream().filter(i -> !i.sourceNote.isBlank() || !i.sourceExtra.isEmpty())
                .toList());
        assertThat(withNotes).hasSizeGreaterThan(40); // the sample corpus: 54 notes, 15 with mirror links
        for (ContentItem i : withNotes) {
            String page = given().get(i.url()).then().statusCode(200).extract().asString();
            String api = given().get("/api/items/" + i.slug).then().statusCode(200).extract().asString();
            for (String text : secrets(i)) {
                assertThat(page).as("public page of %s", i.slug).doesNotContain(text);
                assertThat(api).as("API record of %s", i.slug).doesNotContain(text);
            }
            assertThat(page).contains("<h2>来源</h2>");
        }
    }

    @Test
    void theSourceNamesTheIssuerAndLinksOnlyAnOfficialOriginal() {
        String repost = given().get("/policies/" + REPOST).then().statusCode(200).extract().asString();
        String source = repost.substring(repost.indexOf("<h2>来源</h2>"));
        assertThat(source).contains("发布机关</dt><dd>科技部、财政部、国家税务总局</dd>", "转载自",
                ">m.bestb2b.com</a>", "rel=\"noopener nofollow\"").doesNotContain("（政府网站）");
        String official = given().get("/policies/" + OFFICIAL).then().statusCode(200).extract().asString();
        assertThat(official.substring(official.indexOf("<h2>来源</h2>"))).contains("原文</dt>", ">gysj.cngy.gov.cn</a>（政府网站）",
                "发布机关</dt><dd>广元市人民政府</dd>").doesNotContain("转载自");

        // Staff see the notes in the preview, and the list of items to fix names exactly the unofficial ones.
        long id = QuarkusTransaction.requiringNew().call(() -> ContentItem.findBySlug(REPOST).orElseThrow().id);
        UserSession staff = new UserSession("staff1");
        assertThat(staff.request().get("/staff/content/" + id + "/preview").then().statusCode(200).extract().asString())
                .contains("仅工作人员可见", "Text assembled from third-party reposts", "xiamen076883.11467.com");
        String list = staff.request().get("/staff/content/sources").then().statusCode(200).extract().asString();
        assertThat(list).contains("data-slug=\"" + REPOST + "\"").doesNotContain("data-slug=\"" + OFFICIAL + "\"");
        long unofficial = QuarkusTransaction.requiringNew().call(() -> ContentItem.<ContentItem>listAll().stream()
                .filter(i -> !Provenance.of(i).official()).count());
        assertThat(list).contains("共 " + unofficial + " 条");
        assertThat(Provenance.isOfficial("www.gov.cn")).isTrue();
        assertThat(Provenance.isOfficial("kjj.cngy.gov.cn")).isTrue();
        assertThat(Provenance.isOfficial("gov.cn.example.com")).isFalse();
        assertThat(Provenance.isOfficial("fakegov.cn")).isFalse();
    }

    /** What only staff may see: the note, and each mirror link's address. */
    private static List<String> secrets(ContentItem i) {
        List<String> s = new java.util.ArrayList<>();
        if (!i.sourceNote.isBlank()) {
            s.add(i.sourceNote.length() > 40 ? i.sourceNote.substring(0, 40) : i.sourceNote);
        }
        i.sourceExtra.forEach(x -> s.add(x.split(" ")[0]));
        return s;
    }
}
