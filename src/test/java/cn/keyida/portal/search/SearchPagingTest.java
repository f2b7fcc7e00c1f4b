package cn.keyida.portal.search;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import cn.keyida.portal.content.ContentImport;
import cn.keyida.portal.support.SampleData;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The search page's paging: 首页, 上一页, a window of numbers, 下一页, 末页, as plain links (no JavaScript needed). */
@QuarkusTest
class SearchPagingTest {

    @Inject
    ContentImport importer;

    @Inject
    SearchIndexer indexer;

    @BeforeEach
    void corpus() {
        SampleData.importAndIndex(importer, indexer);
    }

    @Test
    void everyPageLinksToFirstPreviousNextAndLast() {
        Document first = page(1);
        assertThat(steps(first)).containsExactly("下一页", "末页");
        int last = pageOf(step(first, "末页"));
        assertThat(last).isGreaterThanOrEqualTo(8); // the sample corpus at 5 per page
        assertThat(pageOf(step(first, "下一页"))).isEqualTo(2);
        assertThat(step(first, "下一页").attr("rel")).isEqualTo("next");

        Document middle = page(7);
        assertThat(steps(middle)).containsExactly("首页", "上一页", "下一页", "末页");
        assertThat(pageOf(step(middle, "首页"))).isEqualTo(1);
        assertThat(pageOf(step(middle, "上一页"))).isEqualTo(6);
        assertThat(step(middle, "上一页").attr("rel")).isEqualTo("prev");
        assertThat(pageOf(step(middle, "下一页"))).isEqualTo(8);
        assertThat(pageOf(step(middle, "末页"))).isEqualTo(last);
        // the numbers stay a window around the current page, which is marked, not linked
        assertThat(middle.select("nav[aria-label=分页] [aria-current=page]").text()).isEqualTo("7");
        assertThat(middle.select("nav[aria-label=分页] li:not(.page-step) a").eachText()).doesNotContain("1");

        Document end = page(last);
        assertThat(steps(end)).containsExactly("首页", "上一页");
        assertThat(pageOf(step(end, "上一页"))).isEqualTo(last - 1);
    }

    private static Document page(int page) {
        return Jsoup.parse(given().queryParam("size", 5).queryParam("page", page).get("/search").then().statusCode(200)
                .extract().asString());
    }

    private static List<String> steps(Document d) {
        return d.select("nav[aria-label=分页] li.page-step a").eachText();
    }

    private static Element step(Document d, String label) {
        return d.select("nav[aria-label=分页] li.page-step a").stream().filter(a -> a.text().equals(label)).findFirst()
                .orElseThrow(() -> new AssertionError("no " + label));
    }

    /** The page a link leads to: page=N, or page 1 when the URL leaves it out. */
    private static int pageOf(Element a) {
        var m = java.util.regex.Pattern.compile("[?&]page=(\\d+)").matcher(a.attr("href"));
        return m.find() ? Integer.parseInt(m.group(1)) : 1;
    }
}
