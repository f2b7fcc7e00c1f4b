package cn.keyida.portal.search;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Security #13: the search log keeps no phone numbers or e-mail addresses, and nothing for ever. */
@QuarkusTest
class SearchLogPrivacyTest {

    @Inject
    SearchLog log;

    @Inject
    SearchConfig config;

    @Inject
    EntityManager em;

    @Test
    void numbersAndAddressesAreMasked() {
        assertThat(SearchLog.mask("王建国 13900001111")).isEqualTo("王建国 [号码]");
        assertThat(SearchLog.mask("电话0839-1234567转分机")).isEqualTo("电话[号码]转分机");
        assertThat(SearchLog.mask("139 0000 1111")).isEqualTo("[号码]");
        assertThat(SearchLog.mask("身份证51080219900101123X")).isEqualTo("身份证[号码]");
        assertThat(SearchLog.mask("联系wang.jg+portal@example.com.cn的人")).isEqualTo("联系[邮箱]的人");
        assertThat(SearchLog.mask("邮箱 li＠example．cn")).isEqualTo("邮箱 [邮箱]");
        // what people search for otherwise stays readable for the statistics
        assertThat(SearchLog.mask("2024年 高新技术企业 ISO 9001 研发费用 50万")).isEqualTo("2024年 高新技术企业 ISO 9001 研发费用 50万");
    }

    @Test
    void searchesAndClicksAreStoredMasked() {
        String marker = "zzpriv" + letters();
        given().queryParam("q", marker + " 王建国 13900001111 wang@example.com").get("/api/search").then().statusCode(200);
        given().contentType("text/plain")
                .body("{\"q\":\"" + marker + " 0839-1234567\",\"slug\":\"pol-guoji-fuhuaqi-guanli-banfa\"}")
                .post("/api/search/click").then().statusCode(204);
        await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(500)).pollInSameThread().untilAsserted(() -> {
            log.flush();
            assertThat(queriesLike(marker)).containsExactlyInAnyOrder(marker + " 王建国 [号码] [邮箱]", marker + " [号码]");
        });
    }

    @Test
    void purgeDeletesOnlyRowsOlderThanTheRetentionAndIsIdempotent() {
        assertThat(config.logRetention()).isEqualTo(Duration.ofDays(180));
        String marker = "zzold" + letters();
        Instant now = Instant.now();
        insert(marker + " expired", now.minus(181, ChronoUnit.DAYS));
        insert(marker + " kept", now.minus(179, ChronoUnit.DAYS));

        assertThat(log.purgeExpired()).isGreaterThanOrEqualTo(1);
        assertThat(queriesLike(marker)).containsExactly(marker + " kept");
        // a second instance running the same job finds nothing left to do
        assertThat(log.purgeExpired()).isZero();
        assertThat(queriesLike(marker)).containsExactly(marker + " kept");
    }

    /** A unique marker without digits, which the masking would join to the number after it. */
    private static String letters() {
        StringBuilder out = new StringBuilder();
        UUID.randomUUID().toString().replace("-", "").chars().limit(10)
                .forEach(c -> out.append((char) ('a' + Character.digit(c, 16))));
        return out.toString();
    }

    private void insert(String query, Instant at) {
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery(
                "insert into search_log (at, query, filters, result_count) values (:at, :q, '', 1)")
                .setParameter("at", at).setParameter("q", query).executeUpdate());
    }

    @SuppressWarnings("unchecked")
    private List<String> queriesLike(String marker) {
        return QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery(
                "select query from search_log where query like :m order by id").setParameter("m", marker + "%")
                .getResultList());
    }
}
