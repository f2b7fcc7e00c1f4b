package cn.keyida.portal.projects;

import cn.keyida.portal.common.AttachmentType;
import cn.keyida.portal.web.FieldErrors;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/** Parsing of the project forms' fields into Chinese field errors: money, dates, numbers, files, texts. */
final class ProjectInput {

    /** The largest amount of one budget row or one application: 1 亿元. */
    static final BigDecimal AMOUNT_MAX = new BigDecimal("100000000");
    /** The largest call budget: 100 亿元. */
    static final BigDecimal BUDGET_MAX = new BigDecimal("10000000000");
    static final long FILE_MAX = 10L * 1024 * 1024;
    static final Set<AttachmentType> DOCUMENT_TYPES = EnumSet.of(AttachmentType.PDF, AttachmentType.JPEG,
            AttachmentType.PNG);

    record Upload(String fileName, byte[] data) {}

    private ProjectInput() {}

    /** A non-negative (or positive) amount in 元 with at most two decimals, at most {@code max}; null and an error otherwise. */
    static BigDecimal money(FieldErrors.Builder e, String field, String label, String value, BigDecimal max,
            boolean zeroAllowed) {
        if (value == null || value.isBlank()) {
            e.add(field, "请填写" + label);
            return null;
        }
        BigDecimal v;
        try {
            v = new BigDecimal(value.strip().replace(",", "").replace("，", ""));
        } catch (NumberFormatException ex) {
            e.add(field, label + "请填写数字（单位：元），如 120000 或 120000.50");
            return null;
        }
        if (v.stripTrailingZeros().scale() > 2) {
            e.add(field, label + "最多保留两位小数（精确到分）");
            return null;
        }
        if (v.signum() < 0) {
            e.add(field, label + "不能为负数");
            return null;
        }
        if (!zeroAllowed && v.signum() == 0) {
            e.add(field, label + "必须大于 0");
            return null;
        }
        if (v.compareTo(max) > 0) {
            e.add(field, label + "不能超过 " + yuan(max));
            return null;
        }
        return v.setScale(2, java.math.RoundingMode.UNNECESSARY);
    }

    static String yuan(BigDecimal v) {
        return new java.text.DecimalFormat("#,##0.00").format(v) + " 元";
    }

    static LocalDate date(FieldErrors.Builder e, String field, String label, String value) {
        if (value == null || value.isBlank()) {
            e.add(field, "请填写" + label);
            return null;
        }
        try {
            LocalDate d = LocalDate.parse(value.strip());
            if (d.getYear() < 2000 || d.getYear() > 2100) {
                e.add(field, label + "不在合理范围内");
                return null;
            }
            return d;
        } catch (DateTimeParseException ex) {
            e.add(field, label + "格式应为 2026-03-01");
            return null;
        }
    }

    static Integer number(FieldErrors.Builder e, String field, String label, String value, int min, int max) {
        Long v = id(value);
        if (v == null || v < min || v > max) {
            e.add(field, label + "请填写 " + min + " 至 " + max + " 之间的整数");
            return null;
        }
        return v.intValue();
    }

    static String text(FieldErrors.Builder e, String field, String label, String value, int max, boolean required) {
        String v = value == null ? "" : value.strip();
        if (required && v.isEmpty()) {
            e.add(field, "请填写" + label);
        } else if (v.length() > max) {
            e.add(field, label + "不能超过 " + max + " 个字");
        } else if (v.chars().anyMatch(c -> Character.isISOControl(c) && c != '\n' && c != '\r' && c != '\t')) {
            e.add(field, label + "包含不可见的控制字符");
        }
        return v;
    }

    static Long id(String value) {
        try {
            return value == null ? null : Long.valueOf(value.strip());
        } catch (NumberFormatException ex) {
            return null;
        }
    }

    static long version(String value) {
        Long v = id(value);
        return v == null ? -1 : v;
    }

    /** A PDF, JPEG or PNG document, checked by content as needs and vouchers check theirs. */
    static Optional<Upload> document(FieldErrors.Builder e, String field, String label, Upload u) {
        if (u == null || u.data() == null || u.data().length == 0) {
            return Optional.empty();
        }
        byte[] head = Arrays.copyOf(u.data(), Math.min(u.data().length, AttachmentType.HEAD_BYTES));
        Optional<String> problem = AttachmentType.problem(u.fileName(), head, u.data().length, FILE_MAX);
        if (problem.isPresent()) {
            e.add(field, label + "：" + problem.get());
            return Optional.empty();
        }
        Optional<AttachmentType> type = AttachmentType.detect(u.fileName(), head);
        if (type.isEmpty() || !DOCUMENT_TYPES.contains(type.get())) {
            e.add(field, label + "只接受 PDF、JPG 或 PNG 文件");
            return Optional.empty();
        }
        return Optional.of(new Upload(AttachmentType.safeFileName(u.fileName()), u.data()));
    }

    static String contentType(Upload u) {
        byte[] head = Arrays.copyOf(u.data(), Math.min(u.data().length, AttachmentType.HEAD_BYTES));
        return AttachmentType.detect(u.fileName(), head).map(AttachmentType::contentType)
                .orElse("application/octet-stream");
    }
}
