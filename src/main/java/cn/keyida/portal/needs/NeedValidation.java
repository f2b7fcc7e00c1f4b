package cn.keyida.portal.needs;

import cn.keyida.portal.common.AttachmentType;
import cn.keyida.portal.web.FieldErrors;
import cn.keyida.portal.web.Texts;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** Checks of a submitted need and its attachments; messages are shown next to the fields. */
final class NeedValidation {

    record CheckedUpload(String fileName, String contentType, byte[] data) {}

    private NeedValidation() {}

    static void check(NeedSubmission.Submission s, LocalDate today) {
        FieldErrors.Builder e = new FieldErrors.Builder();
        if (s.category() == null || s.category().isBlank()) {
            e.add("category", "请选择需求类别");
        }
        text(e, "title", "需求标题", s.title(), true, 100);
        if (Texts.hasControlCharacters(s.title(), false)) {
            e.add("title", "需求标题" + Texts.CONTROL_MESSAGE);
        }
        if (Texts.hasControlCharacters(s.description(), true)) {
            e.add("description", "需求描述" + Texts.CONTROL_MESSAGE);
        }
        if (Texts.hasControlCharacters(s.expectedOutcome(), true)) {
            e.add("expectedOutcome", "预期成效" + Texts.CONTROL_MESSAGE);
        }
        text(e, "description", "需求描述", s.description(), true, 5000);
        text(e, "expectedOutcome", "预期成效", s.expectedOutcome(), false, 2000);
        if (s.budget() != null && (s.budget().signum() < 0 || s.budget().compareTo(new BigDecimal("100000000000")) > 0)) {
            e.add("budget", "预算金额应在 0 到 1000 亿元之间");
        }
        if (s.wantedBy() != null && s.wantedBy().isBefore(today)) {
            e.add("wantedBy", "期望完成日期不能早于今天");
        }
        if (!s.consent()) {
            e.add("consent", "请阅读并同意个人信息处理说明后再提交");
        }
        e.throwIfAny();
    }

    static List<CheckedUpload> checkUploads(List<NeedSubmission.Upload> uploads, NeedsConfig config) {
        List<CheckedUpload> out = new ArrayList<>();
        if (uploads == null) {
            return out;
        }
        FieldErrors.Builder e = new FieldErrors.Builder();
        if (uploads.size() > config.maxAttachments()) {
            e.add("files", "附件最多 " + config.maxAttachments() + " 个");
        }
        for (NeedSubmission.Upload u : uploads) {
            String name = AttachmentType.safeFileName(u.fileName());
            AttachmentType.problem(u.fileName(), u.data(), u.data().length, config.maxAttachmentBytes())
                    .ifPresent(p -> e.add("files", name + "：" + p));
            AttachmentType.detect(u.fileName(), u.data())
                    .ifPresent(t -> out.add(new CheckedUpload(name, t.contentType(), u.data())));
        }
        e.throwIfAny();
        return out;
    }

    static void checkLength(String label, String value, int max) {
        if (value != null && value.length() > max) {
            throw new FieldErrors(java.util.Map.of("text", label + "不能超过 " + max + " 个字"));
        }
    }

    private static void text(FieldErrors.Builder e, String field, String label, String value, boolean required, int max) {
        if (value == null || value.isBlank()) {
            if (required) {
                e.add(field, "请填写" + label);
            }
        } else if (value.strip().length() > max) {
            e.add(field, label + "不能超过 " + max + " 个字（当前 " + value.strip().length() + " 个）");
        }
    }
}
