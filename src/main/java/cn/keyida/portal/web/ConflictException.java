package cn.keyida.portal.web;

/** An action that the record's current state or version no longer allows (409); the message is Chinese. */
public class ConflictException extends RuntimeException {
    public ConflictException(String message) {
        super(message);
    }

    /** Someone else saved the record since it was loaded: nothing was saved. */
    public static ConflictException staleEdit() {
        return new ConflictException("该内容已被其他人修改，您的修改未保存。请重新打开页面查看最新版本后再修改。");
    }
}
