package cn.keyida.portal.common;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The attachment types the portal accepts. The type is decided from the file's first bytes (magic numbers);
 * the file name only picks among formats that share a container (ZIP for Office Open XML, OLE2 for legacy
 * Office) and must agree with the content.
 */
public enum AttachmentType {

    PDF("PDF 文档", "application/pdf", "pdf"),
    PNG("PNG 图片", "image/png", "png"),
    JPEG("JPEG 图片", "image/jpeg", "jpg", "jpeg"),
    GIF("GIF 图片", "image/gif", "gif"),
    WEBP("WEBP 图片", "image/webp", "webp"),
    DOCX("Word 文档", "application/vnd.openxmlformats-officedocument.wordprocessingml.document", "docx"),
    XLSX("Excel 表格", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "xlsx"),
    PPTX("PowerPoint 演示文稿", "application/vnd.openxmlformats-officedocument.presentationml.presentation", "pptx"),
    DOC("Word 97-2003 文档", "application/msword", "doc"),
    XLS("Excel 97-2003 表格", "application/vnd.ms-excel", "xls"),
    PPT("PowerPoint 97-2003 演示文稿", "application/vnd.ms-powerpoint", "ppt");

    /** How many leading bytes callers should pass to {@link #detect} and {@link #problem}. */
    public static final int HEAD_BYTES = 4096;

    static final String UNSUPPORTED = "文件类型不受支持：仅限 PDF、图片（PNG/JPEG/GIF/WEBP）和 Office 文档";
    static final String MISMATCH = "文件内容与扩展名不符";
    static final String EMPTY = "文件为空";

    private static final int MAX_NAME_LENGTH = 100;
    private static final String DEFAULT_NAME = "附件";

    private static final byte[] PDF_MAGIC = ascii("%PDF-");
    private static final byte[] PNG_MAGIC = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};
    private static final byte[] JPEG_MAGIC = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF};
    private static final byte[] GIF87_MAGIC = ascii("GIF87a");
    private static final byte[] GIF89_MAGIC = ascii("GIF89a");
    private static final byte[] RIFF_MAGIC = ascii("RIFF");
    private static final byte[] WEBP_MAGIC = ascii("WEBP");
    private static final byte[] ZIP_MAGIC = {'P', 'K', 3, 4};
    private static final byte[] OLE2_MAGIC = {
        (byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1, (byte) 0xB1, 0x1A, (byte) 0xE1};
    private static final byte[] CONTENT_TYPES_ENTRY = ascii("[Content_Types].xml");

    private final String label;
    private final String contentType;
    private final List<String> extensions;

    AttachmentType(String label, String contentType, String... extensions) {
        this.label = label;
        this.contentType = contentType;
        this.extensions = List.of(extensions);
    }

    /** Chinese name for display, e.g. "PDF 文档". */
    public String label() {
        return label;
    }

    /** Canonical MIME type to serve the file with. */
    public String contentType() {
        return contentType;
    }

    /** Lower-case file name extensions (without dot) that belong to this type; the first is the usual one. */
    public List<String> extensions() {
        return extensions;
    }

    /**
     * The real type of a file from its first bytes ({@code head}, ideally the first {@link #HEAD_BYTES} bytes),
     * or empty when it is none of the accepted types.
     *
     * <p>PDF and the image formats are recognised by their signatures alone. A ZIP or OLE2 container cannot be
     * told apart cheaply, so there the extension decides between Word, Excel and PowerPoint:
     * <ul>
     *   <li>Office Open XML is a ZIP ("PK\3\4") named .docx/.xlsx/.pptx. Any ZIP would pass that, so we also
     *   require the entry name "[Content_Types].xml", which every OOXML package must contain and which Office,
     *   WPS and LibreOffice write as (one of) the first entries, so its name shows up in a local file header
     *   within the first 4 KB. We do not parse the ZIP directory: a package whose writer put that entry further
     *   back is rejected, which is the safe side.</li>
     *   <li>Legacy Office is an OLE2 compound file named .doc/.xls/.ppt; the sub-format is not verified.</li>
     * </ul>
     */
    public static Optional<AttachmentType> detect(String fileName, byte[] head) {
        byte[] h = head == null ? new byte[0] : head;
        String ext = extension(fileName);
        if (startsWith(h, PDF_MAGIC, 0)) {
            return Optional.of(PDF);
        }
        if (startsWith(h, PNG_MAGIC, 0)) {
            return Optional.of(PNG);
        }
        if (startsWith(h, JPEG_MAGIC, 0)) {
            return Optional.of(JPEG);
        }
        if (startsWith(h, GIF87_MAGIC, 0) || startsWith(h, GIF89_MAGIC, 0)) {
            return Optional.of(GIF);
        }
        if (startsWith(h, RIFF_MAGIC, 0) && startsWith(h, WEBP_MAGIC, 8)) {
            return Optional.of(WEBP);
        }
        if (startsWith(h, ZIP_MAGIC, 0) && contains(h, CONTENT_TYPES_ENTRY, HEAD_BYTES)) {
            return byExtension(ext, DOCX, XLSX, PPTX);
        }
        if (startsWith(h, OLE2_MAGIC, 0)) {
            return byExtension(ext, DOC, XLS, PPT);
        }
        return Optional.empty();
    }

    /**
     * Why an upload is refused, or empty when it is acceptable: it must not be empty, not exceed
     * {@code maxBytes}, have the extension of an accepted type and content of that same type.
     *
     * @param head first bytes of the file, ideally {@link #HEAD_BYTES} of them
     * @param size full size of the file in bytes
     */
    public static Optional<String> problem(String fileName, byte[] head, long size, long maxBytes) {
        if (size <= 0 || head == null || head.length == 0) {
            return Optional.of(EMPTY);
        }
        if (size > maxBytes) {
            return Optional.of("文件过大（最大 " + formatSize(maxBytes) + "）");
        }
        String ext = extension(fileName);
        if (byExtension(ext, values()).isEmpty()) {
            return Optional.of(UNSUPPORTED);
        }
        Optional<AttachmentType> type = detect(fileName, head);
        if (type.isEmpty() || !type.get().extensions.contains(ext)) {
            return Optional.of(MISMATCH);
        }
        return Optional.empty();
    }

    /**
     * A file name safe to store and to put into a Content-Disposition header: no directory part (after the last
     * / or \), line breaks and tabs turned into spaces, no other control or invisible
     * formatting characters (e.g. right-to-left override), none of
     * {@code " ; , : * ? < > | %}, collapsed spaces, no leading or trailing dots, at most 100 characters (the
     * extension is kept when shortening). Chinese and other letters are kept. Never empty: falls back to "附件".
     */
    public static String safeFileName(String fileName) {
        if (fileName == null) {
            return DEFAULT_NAME;
        }
        String name = fileName;
        int slash = Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\'));
        if (slash >= 0) {
            name = name.substring(slash + 1);
        }
        StringBuilder sb = new StringBuilder(name.length());
        boolean lastWasSpace = false;
        for (int i = 0; i < name.length(); ) {
            int cp = name.codePointAt(i);
            i += Character.charCount(cp);
            boolean space = Character.isWhitespace(cp) || Character.isSpaceChar(cp);
            if (!space && isUnsafe(cp)) {
                continue;
            }
            if (space) {
                if (!lastWasSpace) {
                    sb.append(' ');
                }
            } else {
                sb.appendCodePoint(cp);
            }
            lastWasSpace = space;
        }
        String cleaned = sb.toString().strip();
        int end = cleaned.length();
        while (end > 0 && (cleaned.charAt(end - 1) == '.' || cleaned.charAt(end - 1) == ' ')) {
            end--;
        }
        int start = 0;
        while (start < end && (cleaned.charAt(start) == '.' || cleaned.charAt(start) == ' ')) {
            start++;
        }
        String rest = cleaned.substring(start, end);
        if (rest.isEmpty()) {
            return DEFAULT_NAME;
        }
        if (start > 0 && rest.indexOf('.') < 0) {
            // ".pdf" is only an extension: keep it, with the default name in front.
            rest = DEFAULT_NAME + "." + rest;
        }
        return shorten(rest);
    }

    private static boolean isUnsafe(int cp) {
        if (Character.isISOControl(cp)) {
            return true;
        }
        int type = Character.getType(cp);
        if (type == Character.FORMAT || type == Character.SURROGATE || type == Character.PRIVATE_USE
                || type == Character.UNASSIGNED || type == Character.LINE_SEPARATOR
                || type == Character.PARAGRAPH_SEPARATOR) {
            return true;
        }
        return "\";,:*?<>|%/\\".indexOf(cp) >= 0;
    }

    private static String shorten(String name) {
        int length = name.codePointCount(0, name.length());
        if (length <= MAX_NAME_LENGTH) {
            return name;
        }
        int dot = name.lastIndexOf('.');
        String ext = dot > 0 ? name.substring(dot) : "";
        int extLength = ext.codePointCount(0, ext.length());
        if (extLength > 11) {
            ext = "";
            extLength = 0;
        }
        String base = ext.isEmpty() ? name : name.substring(0, dot);
        int keep = MAX_NAME_LENGTH - extLength;
        String shortBase = base.substring(0, base.offsetByCodePoints(0, keep)).stripTrailing();
        return shortBase + ext;
    }

    /** Lower-case extension without the dot, or "" when the name has none. */
    static String extension(String fileName) {
        if (fileName == null) {
            return "";
        }
        String name = fileName.strip();
        int slash = Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\'));
        name = name.substring(slash + 1);
        int dot = name.lastIndexOf('.');
        return dot < 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
    }

    private static Optional<AttachmentType> byExtension(String ext, AttachmentType... candidates) {
        for (AttachmentType t : candidates) {
            if (t.extensions.contains(ext)) {
                return Optional.of(t);
            }
        }
        return Optional.empty();
    }

    static String formatSize(long bytes) {
        long mb = 1024L * 1024L;
        if (bytes >= mb) {
            if (bytes % mb == 0) {
                return (bytes / mb) + " MB";
            }
            return String.format(Locale.ROOT, "%.1f MB", bytes / (double) mb);
        }
        if (bytes >= 1024 && bytes % 1024 == 0) {
            return (bytes / 1024) + " KB";
        }
        if (bytes >= 1024) {
            return String.format(Locale.ROOT, "%.1f KB", bytes / 1024.0);
        }
        return bytes + " 字节";
    }

    private static boolean startsWith(byte[] data, byte[] prefix, int offset) {
        if (data.length < offset + prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if (data[offset + i] != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    private static boolean contains(byte[] data, byte[] needle, int limit) {
        int end = Math.min(data.length, limit) - needle.length;
        for (int i = 0; i <= end; i++) {
            if (startsWith(data, needle, i)) {
                return true;
            }
        }
        return false;
    }

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }
}
