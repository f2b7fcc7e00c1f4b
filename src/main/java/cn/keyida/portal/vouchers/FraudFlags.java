package cn.keyida.portal.vouchers;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * Signs staff should look at before paying; a flag never blocks anything by itself. All of them compare
 * declared fields: the enterprise's legal representative and contact against the provider's, the invoice
 * against the quote, and the enterprise's habit of round amounts.
 */
final class FraudFlags {

    /** An invoice below this share of the quote is "far below". */
    static final BigDecimal LOW_INVOICE = new BigDecimal("0.5");
    static final BigDecimal ROUND = new BigDecimal("10000");

    private FraudFlags() {}

    static List<String> of(Voucher v, VoucherProvider p, String enterpriseMobile, long roundAmountsOfEnterprise) {
        List<String> flags = new ArrayList<>();
        if (same(v.legalRepresentative, p.legalRepresentative)) {
            flags.add("企业与服务机构的法定代表人相同（" + p.legalRepresentative + "）");
        }
        if (same(v.contactMobile, p.mobile) || same(enterpriseMobile, p.mobile)) {
            flags.add("企业与服务机构的联系电话相同（" + p.mobile + "）");
        }
        if (v.invoiceAmount != null && v.invoiceAmount.compareTo(v.quoteAmount.multiply(LOW_INVOICE)) < 0) {
            flags.add("发票金额 " + VoucherAmount.yuan(v.invoiceAmount) + " 远低于报价 " + VoucherAmount.yuan(v.quoteAmount));
        }
        if (isRound(v.quoteAmount) && roundAmountsOfEnterprise >= 2) {
            flags.add("该企业已有 " + roundAmountsOfEnterprise + " 笔整万元的报价金额");
        }
        return flags;
    }

    static boolean isRound(BigDecimal amount) {
        return amount != null && amount.signum() > 0 && amount.remainder(ROUND).signum() == 0;
    }

    private static boolean same(String a, String b) {
        return a != null && b != null && !a.isBlank() && a.strip().replace(" ", "").equals(b.strip().replace(" ", ""));
    }
}
