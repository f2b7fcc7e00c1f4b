package cn.keyida.portal.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;

class AttachmentTypeTest {

    private static final long TEN_MB = 10L * 1024 * 1024;

    private static final byte[] PDF = "%PDF-1.7\n%âãÏÓ\n1 0 obj".getBytes(StandardCharsets.ISO_8859_1);
    private static final byte[] PNG = bytes(0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D, 'I', 'H');
    private static final byte[] JPEG = bytes(0xFF, 0xD8, 0xFF, 0xE0, 0, 0x10, 'J', 'F', 'I', 'F');
    private static final byte[] GIF = "GIF89a\u0001\u0000".getBytes(StandardCharsets.ISO_8859_1);
    private static final byte[] WEBP = bytes('R', 'I', 'F', 'F', 0x24, 0, 0, 0, 'W', 'E', 'B', 'P', 'V', 'P', '8');
    private static final byte[] OLE2 = bytes(0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, 0, 0);
    private static final byte[] EXE = bytes('M', 'Z', 0x90, 0, 3, 0, 0, 0, 4, 0);

    private static byte[] bytes(int... values) {
        byte[] b = new byte[values.length];
        for (int i = 0; i < values.length; i++) {
            b[i] = (byte) values[i];
        }
        return b;
    }

    /** A real ZIP the way Office writes a package: "[Content_Types].xml" first, then the parts. */
    private static byte[] zip(String... entryNames) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            for (String name : entryNames) {
                zip.putNextEntry(new ZipEntry(name));
                zip.write("<?xml version=\"1.0\"?><x/>".getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
            }
        }
        return out.toByteArray();
    }

    private static byte[] ooxml() throws IOException {
        return zip("[Content_Types].xml", "_rels/.rels", "word/document.xml");
    }

    @Test
    void signaturesDecideTheType() {
        assertThat(AttachmentType.detect("a.pdf", PDF)).contains(AttachmentType.PDF);
        assertThat(AttachmentType.detect("a.png", PNG)).contains(AttachmentType.PNG);
        assertThat(AttachmentType.detect("a.jpg", JPEG)).contains(AttachmentType.JPEG);
        assertThat(AttachmentType.detect("a.gif", GIF)).contains(AttachmentType.GIF);
        assertThat(AttachmentType.detect("a.webp", WEBP)).contains(AttachmentType.WEBP);
    }

    @Test
    void theNameDoesNotChangeWhatTheBytesAre() {
        assertThat(AttachmentType.detect("photo.pdf", PNG)).contains(AttachmentType.PNG);
        assertThat(AttachmentType.detect("setup.pdf", EXE)).isEmpty();
        assertThat(AttachmentType.detect(null, null)).isEmpty();
    }

    @Test
    void officeOpenXmlNeedsZipContentTypesAndExtension() throws IOException {
        byte[] pkg = ooxml();
        assertThat(AttachmentType.detect("报告.docx", pkg)).contains(AttachmentType.DOCX);
        assertThat(AttachmentType.detect("表.XLSX", pkg)).contains(AttachmentType.XLSX);
        assertThat(AttachmentType.detect("slides.pptx", pkg)).contains(AttachmentType.PPTX);
        assertThat(AttachmentType.detect("archive.zip", pkg)).isEmpty();
    }

    @Test
    void plainZipRenamedToDocxIsNotAnOfficeDocument() throws IOException {
        byte[] plainZip = zip("readme.txt", "run.bat");
        assertThat(AttachmentType.detect("合同.docx", plainZip)).isEmpty();
        assertThat(AttachmentType.problem("合同.docx", plainZip, plainZip.length, TEN_MB))
                .contains("文件内容与扩展名不符");
    }

    @Test
    void legacyOfficeNeedsOle2AndExtension() {
        assertThat(AttachmentType.detect("旧.doc", OLE2)).contains(AttachmentType.DOC);
        assertThat(AttachmentType.detect("旧.xls", OLE2)).contains(AttachmentType.XLS);
        assertThat(AttachmentType.detect("旧.ppt", OLE2)).contains(AttachmentType.PPT);
        assertThat(AttachmentType.detect("mail.msg", OLE2)).isEmpty();
    }

    @Test
    void typesCarryLabelAndContentType() {
        assertThat(AttachmentType.PDF.label()).isEqualTo("PDF 文档");
        assertThat(AttachmentType.PDF.contentType()).isEqualTo("application/pdf");
        assertThat(AttachmentType.DOCX.contentType())
                .isEqualTo("application/vnd.openxmlformats-officedocument.wordprocessingml.document");
        assertThat(AttachmentType.XLS.contentType()).isEqualTo("application/vnd.ms-excel");
    }

    @Test
    void matchingUploadsHaveNoProblem() throws IOException {
        byte[] pkg = ooxml();
        assertThat(AttachmentType.problem("申报书.pdf", PDF, 2048, TEN_MB)).isEmpty();
        assertThat(AttachmentType.problem("照片.JPEG", JPEG, 2048, TEN_MB)).isEmpty();
        assertThat(AttachmentType.problem("方案.docx", pkg, pkg.length, TEN_MB)).isEmpty();
        assertThat(AttachmentType.problem("预算.xls", OLE2, 4096, TEN_MB)).isEmpty();
    }

    @Test
    void executableRenamedToPdfIsAMismatch() {
        assertThat(AttachmentType.problem("invoice.pdf", EXE, 4096, TEN_MB)).contains("文件内容与扩展名不符");
    }

    @Test
    void contentOfAnotherAcceptedTypeIsStillAMismatch() {
        assertThat(AttachmentType.problem("scan.pdf", PNG, 4096, TEN_MB)).contains("文件内容与扩展名不符");
    }

    @Test
    void unsupportedExtensionsAreRefused() {
        String expected = "文件类型不受支持：仅限 PDF、图片（PNG/JPEG/GIF/WEBP）和 Office 文档";
        assertThat(AttachmentType.problem("setup.exe", EXE, 4096, TEN_MB)).contains(expected);
        assertThat(AttachmentType.problem("document", PDF, 4096, TEN_MB)).contains(expected);
        assertThat(AttachmentType.problem("notes.txt", "hello".getBytes(StandardCharsets.UTF_8), 5, TEN_MB))
                .contains(expected);
    }

    @Test
    void emptyAndOversizedFilesAreRefused() {
        assertThat(AttachmentType.problem("a.pdf", new byte[0], 0, TEN_MB)).contains("文件为空");
        assertThat(AttachmentType.problem("a.pdf", null, 0, TEN_MB)).contains("文件为空");
        assertThat(AttachmentType.problem("a.pdf", PDF, TEN_MB + 1, TEN_MB)).contains("文件过大（最大 10 MB）");
        assertThat(AttachmentType.problem("a.pdf", PDF, TEN_MB, TEN_MB)).isEmpty();
        assertThat(AttachmentType.problem("a.pdf", PDF, 3L * 1024 * 1024, 2L * 1024 * 1024))
                .contains("文件过大（最大 2 MB）");
    }

    @Test
    void safeFileNameDropsDirectories() {
        assertThat(AttachmentType.safeFileName("C:\\Users\\王\\Desktop\\申报书.pdf")).isEqualTo("申报书.pdf");
        assertThat(AttachmentType.safeFileName("../../etc/passwd")).isEqualTo("passwd");
        assertThat(AttachmentType.safeFileName("dir/..")).isEqualTo("附件");
    }

    @Test
    void safeFileNameDropsControlAndHeaderBreakingCharacters() {
        assertThat(AttachmentType.safeFileName("a\"b;c\r\nd.pdf")).isEqualTo("abc d.pdf");
        assertThat(AttachmentType.safeFileName("报告<1>:*?|%,.pdf")).isEqualTo("报告1.pdf");
        // U+202E RIGHT-TO-LEFT OVERRIDE would make "evil\u202Efdp.exe" display as "evilexe.pdf".
        assertThat(AttachmentType.safeFileName("evil\u202Efdp.exe")).isEqualTo("evilfdp.exe");
        assertThat(AttachmentType.safeFileName("  科技   成果\t登记表 .docx ")).isEqualTo("科技 成果 登记表 .docx");
    }

    @Test
    void safeFileNameIsNeverEmpty() {
        assertThat(AttachmentType.safeFileName(null)).isEqualTo("附件");
        assertThat(AttachmentType.safeFileName("")).isEqualTo("附件");
        assertThat(AttachmentType.safeFileName("\"\";;")).isEqualTo("附件");
        assertThat(AttachmentType.safeFileName(".pdf")).isEqualTo("附件.pdf");
    }

    @Test
    void safeFileNameIsLimitedToOneHundredCharactersKeepingTheExtension() {
        String name = AttachmentType.safeFileName("科".repeat(150) + ".pdf");
        assertThat(name.codePointCount(0, name.length())).isEqualTo(100);
        assertThat(name).endsWith("科.pdf");
        String noExtension = AttachmentType.safeFileName("x".repeat(300));
        assertThat(noExtension).hasSize(100);
        String emoji = AttachmentType.safeFileName("😀".repeat(120));
        assertThat(emoji.codePointCount(0, emoji.length())).isEqualTo(100);
    }
}
