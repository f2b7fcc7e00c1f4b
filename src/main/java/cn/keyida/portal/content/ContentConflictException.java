package cn.keyida.portal.content;

/** Someone else changed the item since it was loaded: nothing was saved. */
public class ContentConflictException extends RuntimeException {
    public ContentConflictException() {
        super("该内容已被其他人修改，您的修改未保存。请重新打开页面查看最新版本后再修改。");
    }
}
