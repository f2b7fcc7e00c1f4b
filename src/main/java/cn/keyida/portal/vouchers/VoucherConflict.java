package cn.keyida.portal.vouchers;

import cn.keyida.portal.web.ConflictException;

/** An action the voucher's (or batch's, provider's) state or version does not allow: 409 with a Chinese reason. */
public class VoucherConflict extends ConflictException {
    public VoucherConflict(String message) {
        super(message);
    }

    static VoucherConflict stale() {
        return new VoucherConflict("该记录刚刚已被其他人处理，您的操作未执行。请刷新页面查看最新状态后再操作。");
    }
}
