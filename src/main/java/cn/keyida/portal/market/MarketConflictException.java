package cn.keyida.portal.market;

import cn.keyida.portal.web.ConflictException;

/** An action the item's or case's current state or version does not allow (409). */
public class MarketConflictException extends ConflictException {
    public MarketConflictException(String message) {
        super(message);
    }

    static MarketConflictException stale() {
        return new MarketConflictException("该信息刚刚已被其他人修改或处理，您的操作未执行。请刷新页面查看最新状态后再操作。");
    }
}
