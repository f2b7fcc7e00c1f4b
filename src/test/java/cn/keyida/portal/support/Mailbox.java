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
                list.forEach(m -> out.add(new Message(m.path("subject").asText(), text(m.path("mimeMessage").asText()))));
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

    /** One MIME part of a received mail: its headers (lower-cased names and values) and decoded content. */
    public record Part(String headers, byte[] content) {
        public String text() {
            return new String(content, StandardCharsets.UTF_8);
        }
    }

    /** The raw MIME source of every message received for the address whose subject contains the text. */
    public static List<String> raw(String email, String subjectPart) {
        try {
            String body = HTTP.send(HttpRequest.newBuilder(URI.create(Stack.mailApi() + "/api/user/"
                            + URLEncoder.encode(email, StandardCharsets.UTF_8) + "/messages/INBOX")).build(),
                    HttpResponse.BodyHandlers.ofString()).body();
            List<String> out = new ArrayList<>();
            JsonNode list = JSON.readTree(body);
            if (list.isArray()) {
                list.forEach(m -> {
                    if (m.path("subject").asText().contains(subjectPart)) {
                        out.add(m.path("mimeMessage").asText());
                    }
                });
            }
            return out;
        } catch (Exception e) {
            throw new IllegalStateException("cannot read GreenMail's mailbox of " + email, e);
        }
    }

    /** The leaf parts of a MIME message (nested multiparts opened), each decoded from base64 or quoted-printable. */
    public static List<Part> parts(String mime) {
        List<Part> out = new ArrayList<>();
        int split = mime.indexOf("\r\n\r\n");
        String headers = (split < 0 ? mime : mime.substring(0, split)).replaceAll("\r\n[ \t]+", " ");
        String body = split < 0 ? "" : mime.substring(split + 4);
        java.util.regex.Matcher b = java.util.regex.Pattern.compile("(?i)content-type:\\s*multipart/[^\\r\\n]*boundary=\"?([^\";\\r\\n]+)")
                .matcher(headers);
        if (b.find()) {
            String boundary = "--" + b.group(1);
            String[] chunks = body.split(java.util.regex.Pattern.quote(boundary));
            for (int i = 1; i < chunks.length; i++) {
                String chunk = chunks[i];
                if (chunk.startsWith("--")) {
                    break;
                }
                out.addAll(parts(chunk.replaceFirst("^\r\n", "")));
            }
            return out;
        }
        out.add(new Part(headers.toLowerCase(), decode(mime).getBytes(StandardCharsets.UTF_8)));
        return out;
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

    /** The text of a mail: its body, or the first text/plain part of a multipart mail (one with attachments). */
    static String text(String mime) {
        List<Part> parts = parts(mime);
        return parts.stream().filter(p -> p.headers().contains("text/plain")).findFirst().orElse(parts.get(0)).text();
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
