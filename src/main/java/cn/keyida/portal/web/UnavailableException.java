package cn.keyida.portal.web;

/** A backing service cannot answer now (503 with Retry-After); title and message are Chinese. */
public class UnavailableException extends RuntimeException {

    private final String title;
    private final int retryAfterSeconds;

    public UnavailableException(String title, String message, Throwable cause, int retryAfterSeconds) {
        super(message, cause);
        this.title = title;
        this.retryAfterSeconds = retryAfterSeconds;
    }

    public String title() {
        return title;
    }

    public int retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
