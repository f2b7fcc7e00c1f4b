package cn.keyida.portal.vouchers;

import java.util.Optional;

/** A service provider's registration: pending review, listed in the directory, or refused. */
public enum ProviderStatus {
    PENDING("待审核"),
    APPROVED("已入库"),
    REJECTED("未通过");

    public final String label;

    ProviderStatus(String label) {
        this.label = label;
    }

    public enum Action {
        APPROVE("审核通过"), REJECT("审核不通过"), RESUBMIT("修改并重新提交");

        public final String label;

        Action(String label) {
            this.label = label;
        }
    }

    /** Staff review pending registrations; a refused or listed provider that edits its data is reviewed again. */
    public Optional<ProviderStatus> after(Action action) {
        return Optional.ofNullable(switch (action) {
            case APPROVE, REJECT -> this == PENDING ? (action == Action.APPROVE ? APPROVED : REJECTED) : null;
            case RESUBMIT -> PENDING;
        });
    }
}
