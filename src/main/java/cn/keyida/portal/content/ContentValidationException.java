package cn.keyida.portal.content;

import cn.keyida.portal.web.InvalidInputException;

/** A content record that cannot be stored; the message is Chinese and shown to the user as is. */
public class ContentValidationException extends InvalidInputException {
    public ContentValidationException(String message) {
        super(message);
    }
}
