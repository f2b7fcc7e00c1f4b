package cn.keyida.portal;

import cn.keyida.portal.content.ContentImport;
import cn.keyida.portal.search.Reindexer;
import cn.keyida.portal.search.SearchIndexer;
import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.QuarkusApplication;
import io.quarkus.runtime.annotations.QuarkusMain;
import jakarta.inject.Inject;
import java.io.BufferedReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * Serves the portal, or runs one maintenance command and exits: {@code import FILE.jsonl},
 * {@code reindex}. The launcher {@code ./portal} calls these.
 */
@QuarkusMain
public class PortalMain implements QuarkusApplication {

    @Inject
    ContentImport contentImport;

    @Inject
    SearchIndexer indexer;

    @Inject
    Reindexer reindexer;

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
            case "reindex" -> {
                Reindexer.Result r = reindexer.reindex();
                System.out.printf("已重建索引 %s：%d 条，用时 %d ms%n", r.index(), r.documents(), r.took().toMillis());
                yield 0;
            }
            default -> usage();
        };
    }

    private int importFile(Path file) throws Exception {
        ContentImport.Report report;
        try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            report = contentImport.importJsonl(reader);
        } catch (NoSuchFileException e) {
            System.err.println("文件不存在：" + file);
            return 2;
        }
        report.errors().forEach(e -> System.out.printf("第 %d 行：%s%n", e.line(), e.reason()));
        System.out.println(report.summary());
        int indexed = indexer.drain();
        System.out.printf("已同步到搜索索引：%d 条变更%n", indexed);
        return report.errors().isEmpty() ? 0 : 1;
    }

    private static int usage() {
        System.err.println("usage: import FILE.jsonl | reindex");
        return 2;
    }
}
