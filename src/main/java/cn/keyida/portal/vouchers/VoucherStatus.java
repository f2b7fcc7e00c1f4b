package cn.keyida.portal.vouchers;

import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The life of one voucher, from the enterprise's application (申领) to redemption (兑付), with its
 * transition table. {@link VoucherWorkflow} asks {@link #after} before every change (409 otherwise).
 */
public enum VoucherStatus {
    SUBMITTED("已提交"),
    IN_REVIEW("审核中"),
    EXPERT_REVIEW("专家评审中"),
    APPROVED("已核准"),
    REJECTED("不予核准"),
    CONTRACTED("已签订服务合同"),
    DELIVERED("服务已交付"),
    ACCEPTED("企业已验收"),
    REDEMPTION_REQUESTED("待兑付"),
    REDEEMED("已兑付"),
    REDEMPTION_RETURNED("兑付退回"),
    EXPIRED("已过期"),
    CANCELLED("已作废");

    public final String label;

    VoucherStatus(String label) {
        this.label = label;
    }

    /** States in which the approved amount is reserved from the batch budget. */
    public static final Set<VoucherStatus> RESERVING = EnumSet.of(APPROVED, CONTRACTED, DELIVERED, ACCEPTED,
            REDEMPTION_REQUESTED, REDEMPTION_RETURNED);

    /** States that count against the enterprise's annual cap (reserved or paid). */
    public static final Set<VoucherStatus> COUNTING = EnumSet.of(APPROVED, CONTRACTED, DELIVERED, ACCEPTED,
            REDEMPTION_REQUESTED, REDEMPTION_RETURNED, REDEEMED);

    public boolean reserves() {
        return RESERVING.contains(this);
    }

    public Optional<VoucherStatus> after(VoucherAction action) {
        return Optional.ofNullable(TABLE.get(action).get(this));
    }

    public boolean allows(VoucherAction action) {
        return TABLE.get(action).containsKey(this);
    }

    private static final Map<VoucherAction, Map<VoucherStatus, VoucherStatus>> TABLE = new EnumMap<>(VoucherAction.class);

    private static void allow(VoucherAction action, VoucherStatus to, VoucherStatus... from) {
        Map<VoucherStatus, VoucherStatus> moves = TABLE.computeIfAbsent(action, a -> new EnumMap<>(VoucherStatus.class));
        for (VoucherStatus f : from) {
            moves.put(f, to);
        }
    }

    static {
        allow(VoucherAction.START_REVIEW, IN_REVIEW, SUBMITTED);
        allow(VoucherAction.REQUEST_EXPERTS, EXPERT_REVIEW, IN_REVIEW);
        allow(VoucherAction.EXPERT_OPINION, EXPERT_REVIEW, EXPERT_REVIEW);
        allow(VoucherAction.REVIEWS_COMPLETE, IN_REVIEW, EXPERT_REVIEW);
        allow(VoucherAction.APPROVE, APPROVED, IN_REVIEW);
        allow(VoucherAction.REJECT, REJECTED, SUBMITTED, IN_REVIEW, EXPERT_REVIEW);
        allow(VoucherAction.CONFIRM_CONTRACT, CONTRACTED, APPROVED);
        allow(VoucherAction.CONFIRM_DELIVERY, DELIVERED, CONTRACTED);
        allow(VoucherAction.ACCEPT_DELIVERY, ACCEPTED, DELIVERED);
        allow(VoucherAction.REQUEST_REDEMPTION, REDEMPTION_REQUESTED, ACCEPTED, REDEMPTION_RETURNED);
        allow(VoucherAction.PAY, REDEEMED, REDEMPTION_REQUESTED);
        allow(VoucherAction.RETURN_REDEMPTION, REDEMPTION_RETURNED, REDEMPTION_REQUESTED);
        allow(VoucherAction.EXPIRE, EXPIRED, APPROVED);
        allow(VoucherAction.CANCEL, CANCELLED, SUBMITTED, IN_REVIEW, EXPERT_REVIEW, APPROVED);
        for (VoucherAction a : VoucherAction.values()) {
            TABLE.computeIfAbsent(a, x -> new EnumMap<>(VoucherStatus.class));
        }
    }
}
