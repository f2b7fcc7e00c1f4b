package cn.keyida.portal.web;

import jakarta.ws.rs.core.Response;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/** Responses that hand a stored file to the browser. */
public final class Downloads {

    private Downloads() {}

    /** An uploaded file, served as a download, never rendered inline: it cannot run in the portal's origin. */
    public static Response upload(String fileName, String contentType, byte[] data) {
        String encoded = URLEncoder.encode(fileName, StandardCharsets.UTF_8).replace("+", "%20");
        return Response.ok(data, contentType)
                .header("Content-Disposition", "attachment; filename=\"attachment\"; filename*=UTF-8''" + encoded)
                .header("X-Content-Type-Options", "nosniff")
                .header("Cache-Control", "private, no-store")
                .build();
    }

    /** A file the portal made (an export) under a plain ASCII name. */
    public static Response export(byte[] data, String fileName) {
        return Response.ok(data).header("Content-Disposition", "attachment; filename=\"" + fileName + "\"").build();
    }
}
