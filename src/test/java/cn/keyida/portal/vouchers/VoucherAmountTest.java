package cn.keyida.portal.vouchers;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

/** The voucher amount: ratio of the contract, then the annual cap, then the remaining budget. */
class VoucherAmountTest {

    static BigDecimal m(String v) {
        return new BigDecimal(v);
    }

    @Test
    void ratioOfTheContractWhenNothingElseLimits() {
        VoucherAmount.Result r = VoucherAmount.compute(m("30000.00"), m("50"), m("200000"), m("0"), m("1000000"));
        assertThat(r.amount()).isEqualByComparingTo("15000.00");
        assertThat(r.limitedBy()).isEqualTo("支持比例");
        assertThat(r.steps().get(0)).contains("30,000.00 元").contains("50%").contains("15,000.00 元");
    }

    @Test
    void shareIsRoundedDownToTheFen() {
        assertThat(VoucherAmount.share(m("333.33"), m("50"))).isEqualByComparingTo("166.66");
        assertThat(VoucherAmount.share(m("0.01"), m("50"))).isEqualByComparingTo("0.00");
        assertThat(VoucherAmount.share(m("1000.00"), m("33.33"))).isEqualByComparingTo("333.30");
    }

    @Test
    void annualCapLeftLimits() {
        VoucherAmount.Result r = VoucherAmount.compute(m("100000"), m("50"), m("60000"), m("20000"), m("1000000"));
        assertThat(r.amount()).isEqualByComparingTo("40000.00");
        assertThat(r.limitedBy()).isEqualTo("年度上限");
    }

    @Test
    void capAlreadyUsedUpGivesZero() {
        VoucherAmount.Result r = VoucherAmount.compute(m("100000"), m("50"), m("60000"), m("70000"), m("1000000"));
        assertThat(r.amount()).isEqualByComparingTo("0.00");
    }

    @Test
    void remainingBudgetLimitsLast() {
        VoucherAmount.Result r = VoucherAmount.compute(m("100000"), m("50"), m("60000"), m("0"), m("12345.67"));
        assertThat(r.amount()).isEqualByComparingTo("12345.67");
        assertThat(r.limitedBy()).isEqualTo("批次剩余预算");
        assertThat(r.steps()).hasSize(4);
        assertThat(r.steps().get(3)).contains("12,345.67 元").contains("批次剩余预算");
    }

    @Test
    void redemptionIsTheSmallerOfApprovedAndRatioOfInvoice() {
        assertThat(VoucherAmount.redeemable(m("15000"), m("20000"), m("50"))).isEqualByComparingTo("10000.00");
        assertThat(VoucherAmount.redeemable(m("15000"), m("40000"), m("50"))).isEqualByComparingTo("15000");
    }
}
