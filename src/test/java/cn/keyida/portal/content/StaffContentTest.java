package cn.keyida.portal.content;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import cn.keyida.portal.support.SampleData;
import cn.keyida.portal.support.UserSession;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;

/** The staff content workflow through the real pages: drafts, publishing, conflicts, audit, search. */
@QuarkusTest
class StaffContentTest {

    @Test
    void draftIsNeverPublicAndPublishedEditBecomesSearchableWithinSeconds() {
        String word = uniqueWord();
        UserSession staff = new UserSession("staff1");
        long id = createDraft(staff, "pol-test-" + word, "广元市" + word + "专项资金管理办法");

        // a draft is neither on a page nor in search
        given().get("/policies/pol-test-" + word).then().statusCode(404);
        assertThat(searchTotal(word)).isZero();

        long version = currentVersion(id);
        staff.open("/staff/content/" + id);
        staff.form().formParam("version", version).formParam("to", "PUBLISHED")
                .post("/staff/content/" + id + "/status").then().statusCode(303);
        given().get("/policies/pol-test-" + word).then().statusCode(200).body(containsString(word));
        awaitSearchTotal(word, 1, Duration.ofSeconds(5));

        // an edit of the published item is searchable within seconds
        String edited = uniqueWord();
        staff.open("/staff/content/" + id);
        staff.form().formParam("version", currentVersion(id)).formParam("title", "广元市" + edited + "专项资金管理办法")
                .formParam("level", "municipal").formParam("region", "广元市")
                .post("/staff/content/" + id).then().statusCode(303);
        awaitSearchTotal(edited, 1, Duration.ofSeconds(5));
        awaitSearchTotal(word, 0, Duration.ofSeconds(5));

        // unpublishing removes it from search again
        staff.open("/staff/content/" + id);
        staff.form().formParam("version", currentVersion(id)).formParam("to", "DRAFT")
                .post("/staff/content/" + id + "/status").then().statusCode(303);
        awaitSearchTotal(edited, 0, Duration.ofSeconds(5));
        given().get("/policies/pol-test-" + word).then().statusCode(404);
    }

    @Test
    void publishOnTheEditPageSavesTheEditFirstAndEverySaveSaysWhen() {
        UserSession staff = new UserSession("staff1");
        String word = uniqueWord();
        long id = createDraft(staff, "pol-test-" + word, "发布前标题" + word);
        String page = staff.open("/staff/content/" + id + "?saved=saved").then().statusCode(200).extract().asString();
        assertThat(page).containsPattern("已保存（\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}）")
                .contains("name=\"publish\" value=\"true\"", "保存并发布")
                // the status forms are refused by the page while the edit form has unsaved changes
                .contains("data-track-dirty", "id=\"dirty-notice\"");
        // the edit and 发布 in one click: the published text is the edited one
        String location = staff.form().formParam("version", currentVersion(id)).formParam("title", "发布后标题" + word)
                .formParam("level", "municipal").formParam("region", "广元市").formParam("publish", "true")
                .post("/staff/content/" + id).then().statusCode(303).extract().header("Location");
        assertThat(location).endsWith("/staff/content/" + id + "?saved=published");
        ContentItem stored = QuarkusTransaction.requiringNew().call(() -> ContentItem.<ContentItem>findById(id));
        assertThat(stored.status).isEqualTo(ContentStatus.PUBLISHED);
        assertThat(stored.title).isEqualTo("发布后标题" + word);
        given().get("/policies/pol-test-" + word).then().statusCode(200).body(containsString("发布后标题" + word));
        assertThat(staff.open("/staff/content/" + id + "?saved=published").then().statusCode(200).extract().asString())
                .containsPattern("已保存并发布（\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}）");
        List<ContentAudit> trail = QuarkusTransaction.requiringNew().call(() -> ContentAudit.trail(id));
        assertThat(trail).extracting(a -> a.action).containsExactly("发布", "修改", "创建草稿");

        // a stale form neither saves nor publishes
        long other = createDraft(staff, "pol-test-" + word + "b", "另一草稿" + word);
        staff.open("/staff/content/" + other);
        staff.form().formParam("version", currentVersion(other) - 1).formParam("title", "过期的修改" + word)
                .formParam("publish", "true").post("/staff/content/" + other).then().statusCode(409);
        ContentItem untouched = QuarkusTransaction.requiringNew().call(() -> ContentItem.<ContentItem>findById(other));
        assertThat(untouched.status).isEqualTo(ContentStatus.DRAFT);
        assertThat(untouched.title).isEqualTo("另一草稿" + word);
    }

    @Test
    void secondConcurrentSaveIsRefusedAndNothingIsOverwritten() {
        UserSession first = new UserSession("staff1");
        UserSession second = new UserSession("supervisor1");
        String word = uniqueWord();
        long id = createDraft(first, "fin-test-" + word, "测试金融产品" + word);
        long loadedVersion = currentVersion(id);

        first.open("/staff/content/" + id);
        second.open("/staff/content/" + id);
        first.form().formParam("version", loadedVersion).formParam("title", "第一位的修改" + word)
                .post("/staff/content/" + id).then().statusCode(303);
        Response refused = second.form().formParam("version", loadedVersion).formParam("title", "第二位的修改" + word)
                .post("/staff/content/" + id);
        refused.then().statusCode(409).body(containsString("已被其他人修改"), containsString("第二位的修改" + word));

        ContentItem stored = QuarkusTransaction.requiringNew().call(() -> ContentItem.<ContentItem>findById(id));
        assertThat(stored.title).isEqualTo("第一位的修改" + word);
    }

    @Test
    void everyChangeIsInTheAuditTrailShownOnTheItem() {
        UserSession staff = new UserSession("staff1");
        String word = uniqueWord();
        long id = createDraft(staff, "ach-test-" + word, "测试成果" + word);
        staff.open("/staff/content/" + id);
        staff.form().formParam("version", currentVersion(id)).formParam("title", "修改后的成果" + word)
                .formParam("holder", "广元某研究院").post("/staff/content/" + id).then().statusCode(303);

        List<ContentAudit> trail = QuarkusTransaction.requiringNew().call(() -> ContentAudit.trail(id));
        assertThat(trail).extracting(a -> a.action).containsExactly("修改", "创建草稿");
        assertThat(trail.get(0).actor).isEqualTo("张伟（staff1）");
        assertThat(trail.get(0).changes).extracting(ContentAudit.Change::field).contains("title", "holder");
        staff.open("/staff/content/" + id).then().statusCode(200)
                .body(containsString("修改记录"), containsString("修改后的成果" + word), containsString("张伟（staff1）"));
    }

    @Test
    void formWithoutCsrfTokenIsRejectedAndChangesNothing() {
        UserSession staff = new UserSession("staff1");
        String word = uniqueWord();
        staff.request().contentType("application/x-www-form-urlencoded; charset=UTF-8")
                .formParam("type", "policy").formParam("id", "pol-test-" + word).formParam("title", "无令牌" + word)
                .post("/staff/content").then().statusCode(400);
        assertThat(QuarkusTransaction.requiringNew().call(() -> ContentItem.findBySlug("pol-test-" + word)))
                .isEmpty();
    }

    @Test
    void invalidInputIsExplainedInChineseAndNothingIsStored() {
        UserSession staff = new UserSession("staff1");
        staff.open("/staff/content/new?type=policy");
        staff.form().formParam("type", "policy").formParam("id", "Bad Slug!").formParam("title", "标题")
                .post("/staff/content").then().statusCode(400).body(containsString("格式不正确"));
        staff.form().formParam("type", "policy").formParam("id", "pol-test-baddate").formParam("title", "标题")
                .formParam("publish_date", "2024-02-30").post("/staff/content").then().statusCode(400)
                .body(containsString("不是有效日期"), containsString("2024-02-30"));
        assertThat(QuarkusTransaction.requiringNew().call(() -> ContentItem.findBySlug("pol-test-baddate"))).isEmpty();
    }

    @Test
    void enterpriseCannotManageContent() {
        new UserSession("enterprise1").request().get("/staff/content").then().statusCode(403);
    }

    @Test
    void jsonlUploadReportsEachBadLine() {
        UserSession staff = new UserSession("staff1");
        staff.open("/staff/content/import");
        String word = uniqueWord();
        String jsonl = "{\"id\": \"dem-test-" + word + "\", \"type\": \"demand\", \"title\": \"需求" + word + "\"}\n"
                + "not json\n";
        staff.multipart()
                .multiPart("file", "upload.jsonl", jsonl.getBytes(java.nio.charset.StandardCharsets.UTF_8),
                        "application/octet-stream")
                .post("/staff/content/import").then().log().ifValidationFails().statusCode(200)
                .body(containsString("新增 1"), containsString("错误 1"), containsString("不是有效的 JSON"));
    }

    static long createDraft(UserSession staff, String slug, String title) {
        staff.open("/staff/content/new?type=" + typeOf(slug)).then().statusCode(200);
        String location = staff.form().formParam("type", typeOf(slug)).formParam("id", slug).formParam("title", title)
                .formParam("level", "municipal").formParam("region", "广元市")
                .post("/staff/content").then().statusCode(303).extract().header("Location");
        return Long.parseLong(location.replaceAll(".*/staff/content/(\\d+).*", "$1"));
    }

    private static String typeOf(String slug) {
        return switch (slug.substring(0, 3)) {
            case "fin" -> "finance";
            case "ach" -> "achievement";
            case "dem" -> "demand";
            case "tal" -> "talent";
            default -> "policy";
        };
    }

    static long currentVersion(long id) {
        return QuarkusTransaction.requiringNew().call(() -> ContentItem.<ContentItem>findById(id).version);
    }

    static String uniqueWord() {
        // letters only: one token for every analyzer, unique per test run
        return "zz" + ThreadLocalRandom.current().ints(10, 'a', 'z' + 1)
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append);
    }

    static long searchTotal(String q) {
        return given().queryParam("q", q).get("/api/search").then().statusCode(200).extract().jsonPath().getLong("total");
    }

    static void awaitSearchTotal(String q, long expected, Duration timeout) {
        await("search total for " + q).atMost(timeout).pollInterval(Duration.ofMillis(100))
                .until(() -> searchTotal(q), equalTo(expected));
    }
}
