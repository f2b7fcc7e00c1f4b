package cn.keyida.portal.vouchers;

/** What can happen to a voucher; {@link VoucherStatus#after} says where each action is allowed. */
public enum VoucherAction {
    START_REVIEW("开始审核"),
    REQUEST_EXPERTS("提交专家评审"),
    EXPERT_OPINION("提交专家意见"),
    REVIEWS_COMPLETE("完成专家评审"),
    APPROVE("核准"),
    REJECT("不予核准"),
    CONFIRM_CONTRACT("确认服务合同"),
    CONFIRM_DELIVERY("确认服务交付"),
    ACCEPT_DELIVERY("验收"),
    REQUEST_REDEMPTION("申请兑付"),
    PAY("兑付"),
    RETURN_REDEMPTION("退回兑付申请"),
    EXPIRE("过期失效"),
    CANCEL("作废");

    /** The verb shown in "创新券当前状态为…，不能{label}。". */
    public final String label;

    VoucherAction(String label) {
        this.label = label;
    }
}
