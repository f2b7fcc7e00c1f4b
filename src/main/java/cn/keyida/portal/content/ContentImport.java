package cn.keyida.portal.content;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

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

    public Report importJsonl(BufferedReader reader, String actor) {
        int created = 0, updated = 0, unchanged = 0, lineNo = 0;
        List<LineError> errors = new ArrayList<>();
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
                    switch (content.upsert(record, actor)) {
                        case CREATED -> created++;
                        case UPDATED -> updated++;
                        case UNCHANGED -> unchanged++;
                    }
                } catch (JsonProcessingException e) {
                    errors.add(new LineError(lineNo, "不是有效的 JSON 对象：" + e.getOriginalMessage()));
                } catch (ContentValidationException e) {
                    errors.add(new LineError(lineNo, e.getMessage()));
                } catch (RuntimeException e) {
                    // e.g. a value longer than its column: the line is rejected, the import goes on
                    errors.add(new LineError(lineNo, "无法保存：" + rootCause(e).getMessage()));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new Report(created, updated, unchanged, errors);
    }

    private static Throwable rootCause(Throwable e) {
        while (e.getCause() != null && e.getCause() != e) {
            e = e.getCause();
        }
        return e;
    }
}
