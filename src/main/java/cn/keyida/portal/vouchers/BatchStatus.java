package cn.keyida.portal.vouchers;

import java.util.Optional;

/** A batch (批次): prepared (草稿), open for applications (申领中), closed (已截止). */
public enum BatchStatus {
    DRAFT("草稿"),
    OPEN("申领中"),
    CLOSED("已截止");

    public final String label;

    BatchStatus(String label) {
        this.label = label;
    }

    public enum Action {
        OPEN("开放申领"), CLOSE("截止申领"), EDIT("修改");

        public final String label;

        Action(String label) {
            this.label = label;
        }
    }

    /**
     * The transition table: opening from a draft, closing an open batch, editing a draft or an open batch
     * (an open batch keeps its rules: see {@code VoucherWorkflow.editBatch}).
     */
    public Optional<BatchStatus> after(Action action) {
        return Optional.ofNullable(switch (action) {
            case OPEN -> this == DRAFT ? OPEN : null;
            case CLOSE -> this == OPEN ? CLOSED : null;
            case EDIT -> this == CLOSED ? null : this;
        });
    }
}
