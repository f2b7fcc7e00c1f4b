package cn.keyida.portal.content;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import cn.keyida.portal.content.ContentService.Outcome;

/** Loads JSONL content records line by line: good lines are stored, bad lines reported with a reason. */
@ApplicationScoped
public class ContentImport {

    private final ContentService content;
    private final ObjectMapper json;

    ContentImport(ContentService content, ObjectMapper json) {
        this.content = content;
        this.json = json.copy().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    }

    public record LineError(int line, String reason) {}

    public record Report(int created, int updated, int unchanged, List<LineError> errors) {
        public int total() {
            return created + updated + unchanged + errors.size();
        }

        public String summary() {
            return "共 %d 行：新增 %d，更新 %d，未变 %d，错误 %d".formatted(
                    total(), created, updated, unchanged, errors.size());
        }
    }

    /** Records are stored in chunks of this many lines per transaction. */
    static final int CHUNK = 500;

    public Report importJsonl(BufferedReader reader, String actor) {
        int[] counts = new int[Outcome.values().length];
        List<LineError> errors = new ArrayList<>();
        Map<String, Integer> chunk = new LinkedHashMap<>(); // slug -> line number
        List<ContentRecord> records = new ArrayList<>();
        List<ContentItem> items = new ArrayList<>();
        int lineNo = 0;
        try {
            String line;
            while ((line = reader.readLine()) != null) {
                lineNo++;
                if (line.isBlank()) {
                    continue;
                }
                try {
                    ContentRecord record = json.readValue(line, ContentRecord.class);
                    if (record == null) {
                        throw new ContentValidationException("不是 JSON 对象");
                    }
                    ContentItem item = ContentService.toItem(record);
                    if (chunk.containsKey(item.slug)) {
                        store(records, items, chunk, counts, errors, actor); // the same id twice: the later line wins
                    }
                    chunk.put(item.slug, lineNo);
                    records.add(record);
                    items.add(item);
                } catch (JsonProcessingException e) {
                    errors.add(new LineError(lineNo, "不是有效的 JSON 对象：" + e.getOriginalMessage()));
                } catch (ContentValidationException e) {
                    errors.add(new LineError(lineNo, e.getMessage()));
                }
                if (items.size() >= CHUNK) {
                    store(records, items, chunk, counts, errors, actor);
                }
            }
            store(records, items, chunk, counts, errors, actor);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        errors.sort(java.util.Comparator.comparingInt(LineError::line));
        return new Report(counts[Outcome.CREATED.ordinal()], counts[Outcome.UPDATED.ordinal()],
                counts[Outcome.UNCHANGED.ordinal()], errors);
    }

    /**
     * Records already validated, with the items mapped from them; after a failed chunk the records are
     * mapped again, because a failed transaction leaves its entities unusable.
     */
    private void store(List<ContentRecord> records, List<ContentItem> items, Map<String, Integer> lines, int[] counts,
            List<LineError> errors, String actor) {
        if (records.isEmpty()) {
            return;
        }
        try {
            content.upsertAll(items, actor).forEach(o -> counts[o.ordinal()]++);
        } catch (RuntimeException chunkFailed) {
            // e.g. a value longer than its column: store line by line, so only the bad line is rejected
            for (ContentRecord record : records) {
                try {
                    counts[content.upsertAll(List.of(ContentService.toItem(record)), actor).get(0).ordinal()]++;
                } catch (RuntimeException e) {
                    errors.add(new LineError(lines.get(record.id()), "无法保存：" + rootCause(e).getMessage()));
                }
            }
        }
        records.clear();
        items.clear();
        lines.clear();
    }

    private static Throwable rootCause(Throwable e) {
        while (e.getCause() != null && e.getCause() != e) {
            e = e.getCause();
        }
        return e;
    }
}
