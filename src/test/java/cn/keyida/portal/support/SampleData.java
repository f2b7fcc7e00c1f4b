package cn.keyida.portal.support;

import cn.keyida.portal.content.ContentImport;
import cn.keyida.portal.search.SearchIndexer;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.awaitility.Awaitility;

/** The sample corpus shipped in data/, imported through the portal's own import path. */
public final class SampleData {

    public static final Path CORPUS = Path.of("data/corpus-sample.jsonl");

    /** Real look-alikes of the sample from other provinces and cities, and superseded versions (data/README.md). */
    public static final Path OTHER_REGIONS = Path.of("data/corpus-other-regions.jsonl");

    private SampleData() {}

    public static ContentImport.Report importCorpus(ContentImport importer) {
        return importFile(importer, CORPUS);
    }

    public static ContentImport.Report importFile(ContentImport importer, Path file) {
        try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return importer.importJsonl(reader, "测试导入");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Imports the corpus and waits until the outbox is drained into Elasticsearch. */
    public static void importAndIndex(ContentImport importer, SearchIndexer indexer) {
        importCorpus(importer);
        awaitIndexed(indexer, Duration.ofSeconds(30));
    }

    public static void awaitIndexed(SearchIndexer indexer, Duration timeout) {
        // drains in the test's own thread as well, rather than waiting for the indexer's next wake-up
        Awaitility.await("search outbox drained").atMost(timeout).pollInterval(Duration.ofMillis(100)).pollInSameThread()
                .until(() -> {
                    if (indexer.pending() == 0) {
                        return true;
                    }
                    indexer.drain();
                    return false;
                });
        refresh();
    }

    /** Makes everything indexed so far visible to search now, instead of after the refresh interval. */
    public static void refresh() {
        try {
            HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create(Stack.elasticsearch() + "/" + Stack.searchAlias() + "/_refresh"))
                    .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.discarding());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
