package cn.keyida.portal.vouchers;

import cn.keyida.portal.web.ConflictException;
import cn.keyida.portal.web.InvalidInputException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import jakarta.ws.rs.core.MultivaluedMap;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;

/** Small helpers of the voucher pages: uploaded files, form values kept for re-rendering, error status. */
final class VoucherForms {

    private VoucherForms() {}

    /** The redemption request (兑付申请), sent by the provider or the enterprise as the batch's rule says. */
    public static class RedemptionForm {
        @RestForm public String voucher;
        @RestForm public String version;
        @RestForm public String invoiceAmount;
        @RestForm("invoice") public FileUpload invoice;
        @RestForm("acceptance") public FileUpload acceptance;

        Map<String, String> values() {
            return invoiceAmount == null ? Map.of() : Map.of("invoiceAmount", invoiceAmount);
        }
    }

    static VoucherInput.Upload upload(FileUpload f) {
        if (f == null || f.fileName() == null || f.fileName().isBlank()) {
            return null;
        }
        try {
            return new VoucherInput.Upload(f.fileName(), Files.readAllBytes(f.uploadedFile()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Map<String, String> values(MultivaluedMap<String, String> form) {
        Map<String, String> out = new LinkedHashMap<>();
        form.forEach((k, v) -> out.put(k, v.isEmpty() ? "" : v.get(0)));
        return out;
    }

    static List<String> all(MultivaluedMap<String, String> form, String name) {
        List<String> v = form.get(name);
        return v == null ? List.of() : v;
    }

    static int status(RuntimeException e) {
        return e instanceof ConflictException ? 409 : 400;
    }

    static boolean handled(RuntimeException e) {
        return e instanceof InvalidInputException || e instanceof ConflictException;
    }
}
