package cn.keyida.portal.web;

/** Input the user can correct; the message is Chinese and shown as is (400). */
public class InvalidInputException extends RuntimeException {
    public InvalidInputException(String message) {
        super(message);
    }
}
