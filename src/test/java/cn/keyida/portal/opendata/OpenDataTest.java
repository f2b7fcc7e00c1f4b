package cn.keyida.portal.opendata;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;

import cn.keyida.portal.content.ContentImport;
import cn.keyida.portal.content.ContentItem;
import cn.keyida.portal.search.SearchIndexer;
import cn.keyida.portal.support.SampleData;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import org.eclipse.microprofile.config.ConfigProvider;
import jakarta.inject.Inject;
import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

@QuarkusTest
class OpenDataTest {

    static final String ATOM_NS = "http://www.w3.org/2005/Atom";

    @Inject
    ContentImport importer;

    @Inject
    SearchIndexer indexer;

    @BeforeEach
    void corpus() {
        SampleData.importAndIndex(importer, indexer);
    }

    @Test
    void atomFeedOfASearchIsAtomAndMatchesTheSearch() throws Exception {
        byte[] xml = given().queryParam("q", "孵化器").queryParam("type", "policy").get("/search.atom").then().statusCode(200)
                .contentType(containsString("application/atom+xml")).extract().asByteArray();
        Document feed = parse(xml);
        Element root = feed.getDocumentElement();
        assertThat(root.getNamespaceURI()).isEqualTo(ATOM_NS);
        assertThat(root.getLocalName()).isEqualTo("feed");
        for (String required : List.of("id", "title", "updated")) {
            assertThat(root.getElementsByTagNameNS(ATOM_NS, required).getLength()).as(required).isPositive();
        }
        NodeList entries = root.getElementsByTagNameNS(ATOM_NS, "entry");
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < entries.getLength(); i++) {
            Element e = (Element) entries.item(i);
            for (String required : List.of("id", "title", "updated", "link")) {
                assertThat(e.getElementsByTagNameNS(ATOM_NS, required).getLength()).as("entry %s", required).isEqualTo(1);
            }
            assertThat(e.getElementsByTagNameNS(ATOM_NS, "updated").item(0).getTextContent())
                    .matches("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}([+-]\\d{2}:\\d{2}|Z)");
            ids.add(e.getElementsByTagNameNS(ATOM_NS, "id").item(0).getTextContent().replaceAll(".*/", ""));
        }
        // A search feed holds the search's best answers, in its order, and is named after it.
        List<String> search = given().queryParam("q", "孵化器").queryParam("type", "policy")
                .queryParam("size", "30").get("/api/search").then().statusCode(200).extract().jsonPath().getList("hits.slug", String.class);
        assertThat(ids).isNotEmpty().isEqualTo(search);
        assertThat(root.getElementsByTagNameNS(ATOM_NS, "title").item(0).getTextContent()).isEqualTo("孵化器 - 科技政策 · 科易达");
    }

    @Test
    void feedEntriesAreDatedByTheirLastChange() throws Exception {
        Map<String, OffsetDateTime> updated = new HashMap<>();
        Document feed = parse(given().get("/feeds/finance.atom").then().statusCode(200).extract().asByteArray());
        NodeList entries = feed.getElementsByTagNameNS(ATOM_NS, "entry");
        for (int i = 0; i < entries.getLength(); i++) {
            Element e = (Element) entries.item(i);
            updated.put(e.getElementsByTagNameNS(ATOM_NS, "id").item(0).getTextContent().replaceAll(".*/", ""),
                    OffsetDateTime.parse(e.getElementsByTagNameNS(ATOM_NS, "updated").item(0).getTextContent()));
        }
        Instant changed = QuarkusTransaction.requiringNew().call(() ->
                ContentItem.findBySlug("fin-tianfu-kechuangdai").orElseThrow().updatedAt);
        assertThat(updated.get("fin-tianfu-kechuangdai").toInstant()).isEqualTo(changed.truncatedTo(ChronoUnit.SECONDS));
        OffsetDateTime feedUpdated = OffsetDateTime.parse(feed.getDocumentElement()
                .getElementsByTagNameNS(ATOM_NS, "updated").item(0).getTextContent());
        assertThat(feedUpdated).isEqualTo(updated.values().stream().max(OffsetDateTime::compareTo).orElseThrow());
        assertThat(parse(given().get("/feeds/finance.atom").then().extract().asByteArray()).getDocumentElement()
                .getElementsByTagNameNS(ATOM_NS, "title").item(0).getTextContent()).isEqualTo("科技金融 · 科易达");
    }

    @Test
    void robotsSuggestionsAndTheApiPageLeadProgramsToTheOpenData() {
        given().get("/robots.txt").then().statusCode(200).contentType(containsString("text/plain"))
                .body(containsString("Sitemap: http://localhost:8081/sitemap.xml"), containsString("Disallow: /my/"),
                        containsString("Disallow: /staff/"));
        given().get("/opensearch.xml").then().body(containsString("/opensearch/suggest?q={searchTerms}"));
        List<Object> suggestions = given().queryParam("q", "天府科创").get("/opensearch/suggest").then().statusCode(200)
                .contentType(containsString("application/x-suggestions+json")).extract().jsonPath().getList("$");
        assertThat(suggestions).hasSize(4);
        assertThat(suggestions.get(0)).isEqualTo("天府科创");
        assertThat((List<?>) suggestions.get(1)).isNotEmpty().allMatch(t -> t.toString().contains("天府科创"));
        assertThat((List<?>) suggestions.get(3)).hasSameSizeAs((List<?>) suggestions.get(1))
                .allMatch(u -> u.toString().startsWith("http://localhost:8081/"));
        given().get("/open-api").then().statusCode(200)
                .body(containsString("开放接口说明"), containsString("/api/search"), containsString("problem+json"));
    }

    @Test
    void typeFeedSitemapAndOpenSearchDescription() throws Exception {
        Document policies = parse(given().get("/feeds/policy.atom").then().statusCode(200).extract().asByteArray());
        assertThat(policies.getElementsByTagNameNS(ATOM_NS, "entry").getLength()).isPositive();
        given().get("/sitemap.xml").then().statusCode(200)
                .body(containsString("<urlset"), containsString("/policies/pol-gaoqi-rending-banfa-2016"));
        given().get("/opensearch.xml").then().statusCode(200)
                .body(containsString("OpenSearchDescription"), containsString("/search?q={searchTerms}"));
        given().get("/policies/pol-gaoqi-rending-banfa-2016").then()
                .body(containsString("rel=\"canonical\" href=\"http://localhost:8081/policies/pol-gaoqi-rending-banfa-2016\""));
    }

    @Test
    void itemApiLeavesOutPersonalContactData() {
        given().get("/api/items/fin-tianfu-kechuangdai").then().statusCode(200)
                .body(containsString("天府科创贷"), not(containsString("\"contact\":\"")));
        given().get("/api/items/no-such-item").then().statusCode(404)
                .contentType(containsString("application/problem+json"));
    }

    @Test
    void publicStatisticsHideSmallGroupsAndStateTheWindow() {
        given().get("/service-performance").then().statusCode(200)
                .body(containsString("统计口径"), containsString("少于 10 条的分组不单独公开"));
        List<Integer> received = given().get("/api/statistics").then().statusCode(200).extract().jsonPath()
                .getList("rows.received", Integer.class);
        assertThat(received).allMatch(n -> n >= 10);
    }

    @Test
    void openApiDocumentListsEveryPublicEndpoint() {
        String openapi = given().accept("application/json").get("/q/openapi").then().statusCode(200).extract().asString();
        assertThat(openapi).contains("/api/search", "/api/suggest", "/api/items/{slug}", "/api/statistics",
                "\"ApiResult\"", "\"ApiHit\"", "\"Report\"");
        // /api/search says which parameters it takes, and the document carries the application's version.
        io.restassured.path.json.JsonPath doc = io.restassured.path.json.JsonPath.from(openapi);
        assertThat(doc.getList("paths.'/api/search'.get.parameters.name", String.class))
                .contains("q", "type", "level", "region", "category", "year", "validity", "sort", "page", "size");
        assertThat(doc.getString("info.version"))
                .isEqualTo(ConfigProvider.getConfig().getValue("quarkus.application.version", String.class))
                .doesNotContain("SNAPSHOT");
        // Pages and forms are not the API, and the template engine's types are not its schemas
        assertThat(openapi).doesNotContain("\"/staff/needs\"", "\"/my/needs/new\"", "\"/search\"",
                "TemplateInstance", "EngineImpl");
    }

    private static Document parse(byte[] xml) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        return f.newDocumentBuilder().parse(new ByteArrayInputStream(xml));
    }
}
