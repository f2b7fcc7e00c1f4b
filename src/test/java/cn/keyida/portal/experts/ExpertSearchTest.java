package cn.keyida.portal.experts;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;

import cn.keyida.portal.search.SearchIndexer;
import cn.keyida.portal.support.SampleData;
import cn.keyida.portal.support.UserSession;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Admitted experts are public cards in the one search (type talent), never with their contact details. */
@QuarkusTest
class ExpertSearchTest {

    @Inject
    ExpertRegistry registry;

    @Inject
    SearchIndexer indexer;

    @Test
    void anAdmittedExpertIsFoundWithoutContactsAndLeavesTheIndexWhenPaused() {
        String word = "钛合金激光增材制造";
        String s = "search-" + UUID.randomUUID();
        Expert e = registry.register(s, s, ExpertFixtures.input("0", "欧阳检索", List.of("02"), word, s + "@example.com"), "x");
        SampleData.awaitIndexed(indexer, Duration.ofSeconds(30));
        assertThat(slugs(word)).doesNotContain("expert-" + e.id); // not admitted yet
        e = registry.decide(e.id, e.version, ExpertRegistry.Decision.ADMIT, "", "staff");
        SampleData.awaitIndexed(indexer, Duration.ofSeconds(30));
        assertThat(slugs(word)).contains("expert-" + e.id);
        given().get("/api/search?q=" + word + "&type=talent").then().statusCode(200)
                .body(containsString("/experts/" + e.id), containsString("欧阳检索"), not(containsString("13912345678")),
                        not(containsString(s + "@example.com")));
        UserSession.anonymous().open("/experts/" + e.id).then().statusCode(200)
                .body(containsString("欧阳检索"), containsString(word), not(containsString("13912345678")),
                        not(containsString(s + "@example.com")), containsString("登录"));
        UserSession.anonymous().open("/experts?field=02").then().statusCode(200).body(containsString("欧阳检索"));

        registry.decide(e.id, e.version, ExpertRegistry.Decision.SUSPEND, "资格复核中", "staff");
        SampleData.awaitIndexed(indexer, Duration.ofSeconds(30));
        assertThat(slugs(word)).doesNotContain("expert-" + e.id);
        UserSession.anonymous().open("/experts/" + e.id).then().statusCode(404);
    }

    private static List<String> slugs(String q) {
        return given().get("/api/search?q=" + q + "&type=talent").then().statusCode(200)
                .extract().jsonPath().getList("hits.slug", String.class);
    }
}
