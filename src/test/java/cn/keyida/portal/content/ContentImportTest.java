package cn.keyida.portal.content;

import static org.assertj.core.api.Assertions.assertThat;

import cn.keyida.portal.search.SearchIndexer;
import cn.keyida.portal.search.SearchOutbox;
import cn.keyida.portal.support.SampleData;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.io.BufferedReader;
import java.io.StringReader;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

@QuarkusTest
class ContentImportTest {

    @Inject
    ContentImport importer;

    @Inject
    SearchIndexer indexer;

    @Test
    void sampleCorpusImportsAllRecordsAndReimportChangesNothing() throws Exception {
        List<String> ids = Files.readAllLines(SampleData.CORPUS).stream()
                .filter(l -> !l.isBlank()).map(l -> l.replaceAll("^\\{\"id\": \"([^\"]+)\".*", "$1")).toList();
        assertThat(ids).hasSize(67);

        ContentImport.Report first = SampleData.importCorpus(importer);
        assertThat(first.errors()).isEmpty();
        assertThat(first.total()).isEqualTo(67);
        long stored = QuarkusTransaction.requiringNew().call(() ->
                ContentItem.count("slug in ?1 and status = ?2", ids, ContentStatus.PUBLISHED));
        assertThat(stored).isEqualTo(67);

        SampleData.awaitIndexed(indexer, Duration.ofSeconds(30)); // also lets the index bootstrap finish
        long outboxBefore = outboxSequence();
        long versionsBefore = versionSum(ids);
        ContentImport.Report second = SampleData.importCorpus(importer);
        assertThat(second.created()).isZero();
        assertThat(second.updated()).isZero();
        assertThat(second.unchanged()).isEqualTo(67);
        assertThat(versionSum(ids)).isEqualTo(versionsBefore);
        assertThat(outboxSequence()).as("no outbox row written").isEqualTo(outboxBefore);
    }

    @Test
    void everyFieldOfTheImportFormatIsKept() {
        SampleData.importCorpus(importer);
        ContentItem policy = QuarkusTransaction.requiringNew().call(() ->
                ContentItem.findBySlug("pol-gaoqi-rending-banfa-2016").orElseThrow());
        assertThat(policy.type).isEqualTo(ContentType.POLICY);
        assertThat(policy.docNumber).isEqualTo("国科发火〔2016〕32号");
        assertThat(policy.issuer).isEqualTo("科技部、财政部、国家税务总局");
        assertThat(policy.tags).contains("高企认定", "15%税率");
        assertThat(policy.level).isEqualTo(Level.NATIONAL);
        assertThat(policy.publishDate).hasToString("2016-01-29");
        assertThat(policy.sourceExtra).singleElement().asString().contains("国科发火〔2016〕32号");
        assertThat(policy.source).startsWith("http://kjt.fujian.gov.cn/");
    }

    @Test
    void malformedLinesAreReportedWithLineNumberWhileGoodLinesAreImported() {
        String jsonl = String.join("\n",
                "{\"id\": \"fin-test-good-1\", \"type\": \"finance\", \"title\": \"测试科创贷产品\", \"level\": \"municipal\", \"region\": \"广元市\"}",
                "{\"id\": \"fin-test-broken\", \"type\": ",
                "{\"id\": \"fin-test-notitle\", \"type\": \"finance\", \"title\": \"\"}",
                "{\"id\": \"fin-test-badtype\", \"type\": \"news\", \"title\": \"新闻\"}",
                "{\"id\": \"fin-test-baddate\", \"type\": \"finance\", \"title\": \"日期错误\", \"publish_date\": \"2024-13-45\"}",
                "",
                "{\"id\": \"fin-test-good-2\", \"type\": \"finance\", \"title\": \"测试创新券产品\", \"body\": \"<p onclick=\\\"x()\\\">正文<script>alert(1)</script></p>\"}");
        ContentImport.Report report = importer.importJsonl(new BufferedReader(new StringReader(jsonl)), "测试导入");

        assertThat(report.created() + report.updated() + report.unchanged()).isEqualTo(2);
        assertThat(report.errors()).extracting(ContentImport.LineError::line).containsExactly(2, 3, 4, 5);
        assertThat(report.errors().get(0).reason()).contains("JSON");
        assertThat(report.errors().get(1).reason()).contains("title");
        assertThat(report.errors().get(2).reason()).contains("type");
        assertThat(report.errors().get(3).reason()).contains("publish_date");
        QuarkusTransaction.requiringNew().run(() -> {
            assertThat(ContentItem.findBySlug("fin-test-good-1")).isPresent();
            assertThat(ContentItem.findBySlug("fin-test-broken")).isEmpty();
            assertThat(ContentItem.findBySlug("fin-test-notitle")).isEmpty();
            ContentItem sanitized = ContentItem.findBySlug("fin-test-good-2").orElseThrow();
            assertThat(sanitized.bodyHtml).isTrue();
            assertThat(sanitized.body).contains("正文").doesNotContain("script", "onclick", "alert");
        });
    }

    /** The outbox id sequence: unchanged means no row was written, even if the indexer drained it since. */
    private static long outboxSequence() {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) SearchOutbox.getEntityManager()
                .createNativeQuery("select last_value from search_outbox_id_seq").getSingleResult()).longValue());
    }

    private static long versionSum(List<String> ids) {
        return QuarkusTransaction.requiringNew().call(() -> ContentItem.<ContentItem>list("slug in ?1", ids)
                .stream().mapToLong(i -> i.version).sum());
    }
}
