package cn.keyida.portal;

import cn.keyida.portal.content.ContentImport;
import cn.keyida.portal.content.ContentItem;
import cn.keyida.portal.matching.EligibilityInput;
import cn.keyida.portal.matching.MatchingService;
import cn.keyida.portal.web.FieldErrors;
import cn.keyida.portal.search.Reindexer;
import cn.keyida.portal.search.SearchEvaluation;
import com.fasterxml.jackson.databind.ObjectMapper;
import cn.keyida.portal.search.SearchIndexer;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.QuarkusApplication;
import io.quarkus.runtime.annotations.QuarkusMain;
import jakarta.inject.Inject;
import java.io.BufferedReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Serves the portal, or runs one maintenance command and exits: {@code import FILE.jsonl},
 * {@code import-conditions FILE.jsonl}, {@code reindex [--if-outdated]}, {@code demo-vouchers}, {@code demo-events}, {@code demo-market}. The launcher {@code ./portal} calls these.
 */
@QuarkusMain
public class PortalMain implements QuarkusApplication {

    @Inject
    ContentImport contentImport;

    @Inject
    SearchIndexer indexer;

    @Inject
    Reindexer reindexer;

    @Inject
    ObjectMapper json;

    @Inject
    MatchingService matching;

    @Inject
    SearchEvaluation evaluation;

    @Inject
    cn.keyida.portal.vouchers.VoucherDemo vouchers;

    @Inject
    cn.keyida.portal.events.EventDemo events;

    @Inject
    cn.keyida.portal.market.MarketDemo market;

    @Inject
    cn.keyida.portal.experts.ExpertDemo experts;

    public static void main(String... args) {
        Quarkus.run(PortalMain.class, args);
    }

    @Override
    public int run(String... args) throws Exception {
        if (args.length == 0) {
            Quarkus.waitForExit();
            return 0;
        }
        return switch (args[0]) {
            case "import" -> args.length == 2 ? importFile(Path.of(args[1])) : usage();
            case "import-conditions" -> args.length == 2 ? importConditions(Path.of(args[1])) : usage();
            case "reindex" -> {
                if (args.length > 2 || args.length == 2 && !args[1].equals("--if-outdated")) {
                    yield usage();
                }
                if (args.length == 2 && !reindexer.outdated()) {
                    System.out.println("搜索索引与当前定义一致，无需重建");
                    yield 0;
                }
                Reindexer.Result r = reindexer.reindex();
                System.out.printf("已重建索引 %s：%d 条，用时 %d ms%n", r.index(), r.documents(), r.took().toMillis());
                yield 0;
            }
            case "eval-search" -> evalSearch(args);
            case "demo-market" -> {
                System.out.printf("技术市场演示数据：发布 %d 条%n", market.seed());
                yield 0;
            }
            case "demo-vouchers" -> {
                System.out.printf("科技创新券演示数据：新增 %d 条%n", vouchers.seed());
                yield 0;
            }
            case "demo-events" -> {
                System.out.printf("活动演示数据：发布 %d 场活动%n", events.seed());
                awaitIndexed();
                yield 0;
            }
            case "demo-experts" -> {
                System.out.printf("科技专家库演示数据：新增 %d 位专家%n", experts.seed());
                yield 0;
            }
            default -> usage();
        };
    }

    /**
     * {@code eval-search FILE [URL] [--tune | --test] [--verbose | --pool | --pool-ungraded]}: the portal
     * beside the plain baselines (on one half only with {@code --tune} or {@code --test}), or the pool of
     * each query (union of every engine's top 10) for judging.
     */
    private int evalSearch(String... args) throws Exception {
        List<String> positional = new ArrayList<>();
        List<String> flags = new ArrayList<>();
        for (int i = 1; i < args.length; i++) {
            (args[i].startsWith("--") ? flags : positional).add(args[i]);
        }
        if (positional.isEmpty()) {
            return usage();
        }
        Path file = Path.of(positional.get(0));
        String url = positional.size() > 1 ? positional.get(1) : "http://localhost:8080";
        if (flags.contains("--pool") || flags.contains("--pool-ungraded")) {
            evaluation.pool(file, url, System.out, flags.contains("--pool-ungraded"));
        } else {
            List<String> halves = SearchEvaluation.HALVES.stream().filter(h -> flags.contains("--" + h)).toList();
            evaluation.run(file, url, System.out, flags.contains("--verbose"), halves.isEmpty() ? SearchEvaluation.HALVES : halves);
        }
        return 0;
    }

    private int importFile(Path file) throws Exception {
        if (!Files.isReadable(file)) {
            System.err.println("文件不存在：" + file);
            return 2;
        }
        long[] pending = new long[1];
        ContentImport.Report report = indexer.withRefreshPaused(() -> {
            ContentImport.Report r;
            try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                r = contentImport.importJsonl(reader, "命令行导入");
            }
            pending[0] = awaitIndexed();
            return r;
        });
        report.errors().forEach(e -> System.out.printf("第 %d 行：%s%n", e.line(), e.reason()));
        System.out.println(report.summary());
        if (pending[0] > 0) {
            System.out.printf("尚有 %d 条变更未同步到搜索索引（Elasticsearch 不可用？），应用运行时会自动重试%n", pending[0]);
        } else {
            System.out.println("已全部同步到搜索索引");
        }
        return report.errors().isEmpty() ? 0 : 1;
    }

    /** Eligibility conditions, one JSON object per line ({@link EligibilityInput}), keyed by record id. */
    private int importConditions(Path file) throws Exception {
        int line = 0;
        int saved = 0;
        int failed = 0;
        for (String text : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            line++;
            if (text.isBlank()) {
                continue;
            }
            try {
                EligibilityInput in = json.readValue(text, EligibilityInput.class);
                long id = QuarkusTransaction.requiringNew().call(() -> ContentItem.findBySlug(in.id())
                        .map(i -> i.id).orElseThrow(() -> new IllegalArgumentException("找不到记录 " + in.id())));
                matching.save(id, null, in, "命令行导入");
                saved++;
            } catch (FieldErrors e) {
                failed++;
                System.out.printf("第 %d 行：%s%n", line, String.join("；", e.errors().values()));
            } catch (RuntimeException | com.fasterxml.jackson.core.JacksonException e) {
                failed++;
                System.out.printf("第 %d 行：%s%n", line, e.getMessage());
            }
        }
        System.out.printf("申报条件：保存 %d 条，失败 %d 条%n", saved, failed);
        return failed == 0 ? 0 : 1;
    }

    /**
     * Drains the outbox (other threads may hold some rows) until it is empty, or until 60 s pass
     * without progress (Elasticsearch down): a large import keeps going as long as indexing does.
     */
    private long awaitIndexed() throws InterruptedException {
        long deadline = System.nanoTime() + 60_000_000_000L;
        long pending;
        long last = Long.MAX_VALUE;
        while ((pending = indexer.pending()) > 0
                && System.nanoTime() < deadline) {
            if (pending < last) {
                last = pending;
                deadline = System.nanoTime() + 60_000_000_000L;
            }
            indexer.drain();
            Thread.sleep(200);
        }
        return pending;
    }

    private static int usage() {
        System.err.println("usage: import FILE.jsonl | import-conditions FILE.jsonl | reindex [--if-outdated] | eval-search JUDGMENTS.jsonl [PORTAL_URL] [--tune|--test] [--verbose|--pool|--pool-ungraded]");
        return 2;
    }
}
