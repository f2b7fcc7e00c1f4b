package cn.keyida.portal.search;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.lessThan;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Whatever a visitor types, search answers without a server error. */
@QuarkusTest
class SearchInputTest {

    static final String LONG = "高".repeat(10_000);

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "😀🚀 创新券", "' OR 1=1; DROP TABLE content_item; --", "title:*", "\"", "\\",
            "{", "}", "[", "(a OR b) AND c~2", "*?", "<script>alert(1)</script>", "%", "\u0000", "高企认定条件 研发 加计扣除 创新券 科技特派员"})
    void oddQueriesNeverGiveAServerError(String q) {
        given().queryParam("q", q).get("/api/search").then().statusCode(lessThan(500));
        given().queryParam("q", q).get("/search").then().statusCode(lessThan(500));
        given().queryParam("q", q).get("/api/suggest").then().statusCode(lessThan(500));
    }

    @ParameterizedTest
    @ValueSource(strings = {"/api/search", "/search", "/api/suggest"})
    void veryLongQueryIsHandled(String path) {
        given().queryParam("q", LONG).get(path).then().statusCode(lessThan(500));
    }

    @ParameterizedTest
    @ValueSource(strings = {"size=101", "size=0", "size=-5", "page=-1", "page=0", "page=abc", "size=1e3", "sort=random"})
    void badPagingIsAProblemJson400(String param) {
        given().get("/api/search?q=创新券&" + param).then().statusCode(400)
                .contentType(containsString("application/problem+json"))
                .body("status", equalTo(400))
                .body("title", equalTo("请求参数有误"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"size=101", "page=-1"})
    void badPagingOnThePageIsAChinese400(String param) {
        given().get("/search?q=创新券&" + param).then().statusCode(400).body(containsString("请求参数有误"));
    }

    @org.junit.jupiter.api.Test
    void reflectedQueryIsEscaped() {
        given().queryParam("q", "<script>alert('x')</script>").get("/search").then()
                .body(org.hamcrest.Matchers.not(containsString("<script>alert")))
                .body(containsString("&lt;script&gt;"));
    }
}
