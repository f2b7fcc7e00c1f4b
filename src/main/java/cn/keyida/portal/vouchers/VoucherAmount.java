package cn.keyida.portal.vouchers;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;

/**
 * The voucher amount: the support ratio of the contract (or invoice) amount, cut to whole fen, then
 * limited by what is left of the enterprise's annual cap and of the batch budget. Each step is kept as
 * a Chinese line, so the enterprise sees how the figure came about.
 */
public final class VoucherAmount {

    public record Result(BigDecimal amount, List<String> steps, String limitedBy) {}

    private VoucherAmount() {}

    /** {@code ratioPercent} × {@code base} / 100, rounded down to the fen (never pays a fraction more). */
    public static BigDecimal share(BigDecimal base, BigDecimal ratioPercent) {
        return base.multiply(ratioPercent).divide(BigDecimal.valueOf(100), 2, RoundingMode.DOWN);
    }

    public static Result compute(BigDecimal contractAmount, BigDecimal ratioPercent, BigDecimal annualCap,
            BigDecimal usedThisYear, BigDecimal remainingBudget) {
        List<String> steps = new ArrayList<>();
        BigDecimal amount = share(contractAmount, ratioPercent);
        steps.add("合同金额 " + yuan(contractAmount) + " × 支持比例 " + ratioPercent.stripTrailingZeros().toPlainString()
                + "% = " + yuan(amount));
        String limitedBy = "支持比例";
        BigDecimal capLeft = annualCap.subtract(usedThisYear).max(BigDecimal.ZERO);
        steps.add("每家企业年度上限 " + yuan(annualCap) + "，本年度各批次已核准 " + yuan(usedThisYear) + "，尚可申领 " + yuan(capLeft));
        if (capLeft.compareTo(amount) < 0) {
            amount = capLeft;
            limitedBy = "年度上限";
        }
        BigDecimal budgetLeft = remainingBudget.max(BigDecimal.ZERO);
        steps.add("本批次剩余预算 " + yuan(budgetLeft));
        if (budgetLeft.compareTo(amount) < 0) {
            amount = budgetLeft;
            limitedBy = "批次剩余预算";
        }
        steps.add("可申领创新券金额 " + yuan(amount) + "（受" + limitedBy + "限制）");
        return new Result(amount.setScale(2, RoundingMode.DOWN), steps, limitedBy);
    }

    /** The most staff may pay on a redemption: the approved voucher, and the ratio of the actual invoice. */
    public static BigDecimal redeemable(BigDecimal approved, BigDecimal invoiceAmount, BigDecimal ratioPercent) {
        return approved.min(share(invoiceAmount, ratioPercent));
    }

    static String yuan(BigDecimal v) {
        return new java.text.DecimalFormat("#,##0.00").format(v) + " 元";
    }
}
