package cn.keyida.portal.search;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import cn.keyida.portal.content.ContentImport;
import cn.keyida.portal.support.SampleData;
import cn.keyida.portal.support.Stack;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

@QuarkusTest
class ReindexTest {

    @Inject
    ContentImport importer;

    @Inject
    SearchIndexer indexer;

    @Inject
    Reindexer reindexer;

    @Test
    void reindexUnderConcurrentQueriesNeverReturnsAnErrorAndSwitchesTheAlias() throws Exception {
        SampleData.importAndIndex(importer, indexer);
        // Other tests write some searchable rows directly (fixtures without the outbox): one rebuild first, so
        // the index holds exactly what PostgreSQL holds and the count below is the one every rebuild gives.
        reindexer.reindex();
        long expected = total();
        assertThat(expected).isPositive();

        AtomicBoolean running = new AtomicBoolean(true);
        ConcurrentLinkedQueue<String> outcomes = new ConcurrentLinkedQueue<>();
        ExecutorService clients = Executors.newFixedThreadPool(4);
        for (int i = 0; i < 4; i++) {
            clients.submit(() -> {
                while (running.get()) {
                    var r = given().queryParam("q", "科技").get("/api/search");
                    outcomes.add(r.statusCode() + ":" + (r.statusCode() == 200 ? r.jsonPath().getLong("total") : -1));
                }
            });
        }
        Reindexer.Result first = reindexer.reindex();
        Reindexer.Result second = reindexer.reindex();
        running.set(false);
        clients.shutdown();
        assertThat(clients.awaitTermination(30, TimeUnit.SECONDS)).isTrue();

        assertThat(first.documents()).isEqualTo(second.documents()).isPositive();
        assertThat(outcomes).hasSizeGreaterThan(8).containsOnly("200:" + expected);
        String aliases = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create(Stack.elasticsearch() + "/_alias/" + Stack.searchAlias())).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        assertThat(aliases).contains(second.index()).doesNotContain(first.index());
        assertThat(total()).isEqualTo(expected);
    }

    private static long total() {
        return given().queryParam("q", "科技").get("/api/search").then().statusCode(200).extract().jsonPath()
                .getLong("total");
    }

}
