package cn.keyida.portal.web;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * Issue 24, finding 6: bodies are capped per endpoint before they are read. The proof that nothing
 * is read into memory: a request that announces 50 MB (under the upload limit, over the heap the
 * portal can spare) and sends 10 bytes is answered 413 at once; before, the portal waited to read
 * all 50 MB.
 */
@QuarkusTest
class BodyLimitTest {

    @Test
    void anAnnouncedFiftyMegabyteClickIsRefusedBeforeItsBodyArrives() throws Exception {
        String status = statusLineOf("POST /api/search/click HTTP/1.1\r\nHost: localhost\r\n"
                + "Content-Type: text/plain\r\nContent-Length: 50000000\r\n\r\n{\"q\":\"x\",");
        assertThat(status).startsWith("HTTP/1.1 413");
        // with a trailing slash too, and on a page form
        assertThat(statusLineOf("POST /api/search/click/ HTTP/1.1\r\nHost: localhost\r\n"
                + "Content-Type: text/plain\r\nContent-Length: 50000000\r\n\r\nxx")).startsWith("HTTP/1.1 413");
        assertThat(statusLineOf("POST /callback/" + "A".repeat(43) + " HTTP/1.1\r\nHost: localhost\r\n"
                + "Content-Type: application/x-www-form-urlencoded\r\nContent-Length: 50000000\r\n\r\nx=1"))
                .startsWith("HTTP/1.1 413");
    }

    @Test
    void aChunkedBodyOnACappedEndpointIsRefused() throws Exception {
        assertThat(statusLineOf("POST /api/search/click HTTP/1.1\r\nHost: localhost\r\n"
                + "Content-Type: text/plain\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nhello\r\n")).startsWith("HTTP/1.1 411");
    }

    @Test
    void theCapsFitTheEndpoints() {
        given().contentType("text/plain").body("{\"q\":\"创新券\",\"slug\":\"pol-limit\"}").post("/api/search/click")
                .then().statusCode(204);
        given().contentType("text/plain").body("x".repeat(5000)).post("/api/search/click").then().statusCode(413);
        assertThat(BodyLimits.limitFor("/my/needs")).isEqualTo(-1); // the upload form keeps the upload limit
        assertThat(BodyLimits.limitFor("/my/needs/")).isEqualTo(-1);
        assertThat(BodyLimits.limitFor("/staff/content/import")).isEqualTo(-1);
        assertThat(BodyLimits.limitFor("/api/staff/content/x")).isEqualTo(BodyLimits.API);
        assertThat(BodyLimits.limitFor("/my/profile")).isEqualTo(BodyLimits.FORM);
    }

    /** Sends the request head (and the start of a body) and reads the status line, waiting at most 5 s. */
    private static String statusLineOf(String request) throws Exception {
        try (Socket socket = new Socket("localhost", RestAssured.port)) {
            socket.setSoTimeout(5000);
            OutputStream out = socket.getOutputStream();
            out.write(request.getBytes(StandardCharsets.UTF_8));
            out.flush();
            InputStream in = socket.getInputStream();
            ByteArrayOutputStream line = new ByteArrayOutputStream();
            try {
                for (int b = in.read(); b != -1 && b != '\n'; b = in.read()) {
                    line.write(b);
                }
            } catch (SocketTimeoutException e) {
                return "no answer within 5 s (the server is reading the body)";
            }
            return line.toString(StandardCharsets.US_ASCII).strip();
        }
    }
}
