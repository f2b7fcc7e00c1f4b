package cn.keyida.portal.search;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;

import cn.keyida.portal.web.InvalidInputException;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/** Security #5: facet values are checked when a search is read, never sent to Elasticsearch to fail there. */
@QuarkusTest
class FacetValuesTest {

    @Test
    void aYearThatIsNotAYearIs400NotASearchFailure() {
        given().queryParam("year", "abc").get("/api/search").then().statusCode(400)
                .contentType(containsString("application/problem+json")).body(containsString("年份"));
        given().queryParam("year", "99999999999").get("/api/search").then().statusCode(400);
        given().queryParam("year", "abc").get("/search").then().statusCode(400).body(containsString("年份"));
        given().queryParam("year", "abc").get("/search.atom").then().statusCode(400);
        // a valid year is searched (200, or 503 when this run has no index yet), never refused
        given().queryParam("year", "2024").get("/api/search").then().statusCode(not(400));
    }

    @Test
    void codedFacetsTakeOnlyTheirCodes() {
        given().queryParam("type", "nonsense").get("/api/search").then().statusCode(400);
        given().queryParam("validity", "FOREVER").get("/api/search").then().statusCode(400);
        given().queryParam("type", "policy").queryParam("level", "national").queryParam("validity", "VALID")
                .queryParam("region", "利州区").get("/api/search").then().statusCode(not(400));
    }

    @Test
    void savedSearchesAreCheckedTheSameWay() {
        assertThatThrownBy(() -> SearchQuery.fromUrlQuery("q=x&year=abc")).isInstanceOf(InvalidInputException.class);
        assertThat(SearchQuery.fromUrlQuery("q=x&year=2023").filters()).containsEntry("year", java.util.List.of("2023"));
    }
}
