package cn.keyida.portal.support;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The test database is recreated at every start of the app under test (Flyway clean); this drops the
 * test search indexes too, so the derived index starts as empty as its source, and empties the local
 * mail server, whose old mails would otherwise carry the same tracking numbers as the new ones.
 *
 * <p>It concerns every {@code @QuarkusTest}, so it is declared here, as a global resource: Quarkus runs
 * it before each start of the app (once, and again for a test with its own profile), whichever tests run.
 */
@QuarkusTestResource(value = TestIndexReset.class, restrictToAnnotatedClass = false)
public class TestIndexReset implements QuarkusTestResourceLifecycleManager {

    @Override
    public Map<String, String> start() {
        HttpClient http = HttpClient.newHttpClient();
        String es = Stack.elasticsearch();
        String alias = Stack.searchAlias();
        try {
            String body = http.send(HttpRequest.newBuilder(URI.create(es + "/_cat/indices/" + alias + "*?h=index"))
                    .build(), HttpResponse.BodyHandlers.ofString()).body();
            Matcher m = Pattern.compile("(" + Pattern.quote(alias) + "\\S*)").matcher(body);
            while (m.find()) {
                http.send(HttpRequest.newBuilder(URI.create(es + "/" + m.group(1))).DELETE().build(),
                        HttpResponse.BodyHandlers.discarding());
            }
            http.send(HttpRequest.newBuilder(URI.create(Stack.mailApi() + "/api/mail/purge"))
                    .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.discarding());
        } catch (Exception e) {
            throw new IllegalStateException("Elasticsearch and the mail server must run for the tests (./portal test starts them)", e);
        }
        return Map.of();
    }

    @Override
    public void stop() {}
}
