package cn.keyida.portal.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.function.Predicate;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;

/** Reads what the real local SMTP server (GreenMail, started by ./portal) received. */
public final class Mailbox {

    public record Message(String subject, String body) {}

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final ObjectMapper JSON = new ObjectMapper();

    private Mailbox() {}

    public static List<Message> messages(String email) {
        try {
            String body = HTTP.send(HttpRequest.newBuilder(URI.create(Stack.mailApi() + "/api/user/"
                            + URLEncoder.encode(email, StandardCharsets.UTF_8) + "/messages/INBOX")).build(),
                    HttpResponse.BodyHandlers.ofString()).body();
            List<Message> out = new ArrayList<>();
            JsonNode list = JSON.readTree(body);
            if (list.isArray()) {
                list.forEach(m -> out.add(new Message(m.path("subject").asText(), decode(m.path("mimeMessage").asText()))));
            }
            return out;
        } catch (Exception e) {
            throw new IllegalStateException("cannot read GreenMail's mailbox of " + email, e);
        }
    }

    /**
     * The header block of the first received message whose subject contains {@code subjectPart},
     * unfolded (one header per line); empty if there is none yet.
     */
    public static java.util.Optional<String> headers(String email, String subjectPart) {
        try {
            String body = HTTP.send(HttpRequest.newBuilder(URI.create(Stack.mailApi() + "/api/user/"
                            + URLEncoder.encode(email, StandardCharsets.UTF_8) + "/messages/INBOX")).build(),
                    HttpResponse.BodyHandlers.ofString()).body();
            JsonNode list = JSON.readTree(body);
            if (list.isArray()) {
                for (JsonNode m : list) {
                    if (m.path("subject").asText().contains(subjectPart)) {
                        String mime = m.path("mimeMessage").asText();
                        int split = mime.indexOf("\r\n\r\n");
                        return java.util.Optional.of((split < 0 ? mime : mime.substring(0, split)).replaceAll("\r\n[ \t]+", " "));
                    }
                }
            }
            return java.util.Optional.empty();
        } catch (Exception e) {
            throw new IllegalStateException("cannot read GreenMail's mailbox of " + email, e);
        }
    }

    /** Waits for a message matching the predicate. */
    public static Message await(String email, Predicate<Message> match, Duration timeout) {
        try {
            return Awaitility.await("mail for " + email).atMost(timeout).pollInterval(Duration.ofMillis(250))
                    .until(() -> messages(email).stream().filter(match).findFirst(), m -> m.isPresent()).orElseThrow();
        } catch (ConditionTimeoutException e) {
            throw new AssertionError("no matching mail for " + email + " within " + timeout + "; got "
                    + messages(email).stream().map(Message::subject).toList(), e);
        }
    }

    /** The text body of a single-part mail, quoted-printable or base64. */
    static String decode(String mime) {
        int split = mime.indexOf("\r\n\r\n");
        String headers = split < 0 ? "" : mime.substring(0, split).toLowerCase();
        String body = split < 0 ? mime : mime.substring(split + 4);
        if (headers.contains("content-transfer-encoding: base64")) {
            return new String(Base64.getMimeDecoder().decode(body), StandardCharsets.UTF_8);
        }
        if (headers.contains("content-transfer-encoding: quoted-printable")) {
            String joined = body.replace("=\r\n", "");
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            for (int i = 0; i < joined.length(); i++) {
                char c = joined.charAt(i);
                if (c == '=' && i + 2 < joined.length()) {
                    out.write(Integer.parseInt(joined.substring(i + 1, i + 3), 16));
                    i += 2;
                } else {
                    out.write(c);
                }
            }
            return out.toString(StandardCharsets.UTF_8);
        }
        return new String(body.getBytes(StandardCharsets.ISO_8859_1), StandardCharsets.UTF_8);
    }
}
