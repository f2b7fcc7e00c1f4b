package cn.keyida.portal.vouchers;

import java.util.Arrays;
import java.util.Optional;

/** The batch rule for who requests redemption (兑付) with the invoice and the acceptance document. */
public enum RedemptionBy {
    PROVIDER("服务机构"),
    ENTERPRISE("企业");

    public final String label;

    RedemptionBy(String label) {
        this.label = label;
    }

    static Optional<RedemptionBy> of(String name) {
        return Arrays.stream(values()).filter(r -> r.name().equals(name)).findFirst();
    }
}
