package cn.keyida.portal.support;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The test database is recreated at every test start (Flyway clean); this drops the test search
 * indexes too, so the derived index starts as empty as its source, and empties the local mail
 * server, whose old mails would otherwise carry the same tracking numbers as the new ones.
 */
public class TestIndexReset implements QuarkusTestResourceLifecycleManager {

    static final String ES = "http://localhost:9200";
    static final String ALIAS = "keyida-test-content";

    @Override
    public Map<String, String> start() {
        HttpClient http = HttpClient.newHttpClient();
        try {
            String body = http.send(HttpRequest.newBuilder(URI.create(ES + "/_cat/indices/" + ALIAS + "*?h=index"))
                    .build(), HttpResponse.BodyHandlers.ofString()).body();
            Matcher m = Pattern.compile("(" + Pattern.quote(ALIAS) + "\\S*)").matcher(body);
            while (m.find()) {
                http.send(HttpRequest.newBuilder(URI.create(ES + "/" + m.group(1))).DELETE().build(),
                        HttpResponse.BodyHandlers.discarding());
            }
            http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:8025/api/mail/purge"))
                    .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.discarding());
        } catch (Exception e) {
            throw new IllegalStateException("Elasticsearch and the mail server must run for the tests (./portal test starts them)", e);
        }
        return Map.of();
    }

    @Override
    public void stop() {}
}
