package cn.keyida.portal.content;

/** A content record that cannot be stored; the message is Chinese and shown to the user as is. */
public class ContentValidationException extends RuntimeException {
    public ContentValidationException(String message) {
        super(message);
    }
}
