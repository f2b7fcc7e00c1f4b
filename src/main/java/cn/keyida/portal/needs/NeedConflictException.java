package cn.keyida.portal.needs;

import cn.keyida.portal.web.ConflictException;

/** An action that the need's current state or version does not allow (409); the message is Chinese. */
public class NeedConflictException extends ConflictException {
    public NeedConflictException(String message) {
        super(message);
    }

    static NeedConflictException staleVersion() {
        return new NeedConflictException("该需求刚刚已被其他人处理，您的操作未执行。请刷新页面查看最新状态后再操作。");
    }
}
