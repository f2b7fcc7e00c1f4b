package cn.keyida.portal.experts;

import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

/**
 * An expert's entry in the pool, with its transition table. A new registration waits for review
 * (待审核); staff admit it (已入库) or return it with a reason (已退回, the expert corrects and resubmits);
 * staff pause (已暂停) and resume, or remove an expert for good (已出库). An expert who does not confirm
 * the entry by the yearly date is paused automatically (未年度确认) until the confirmation.
 * Only {@link #ACTIVE} experts are in the pool others draw from.
 */
public enum ExpertStatus {
    PENDING("待审核"),
    RETURNED("已退回"),
    ACTIVE("已入库"),
    SUSPENDED("已暂停"),
    LAPSED("已暂停（未年度确认）"),
    REMOVED("已出库");

    public final String label;

    ExpertStatus(String label) {
        this.label = label;
    }

    /** The state after {@code action}, or empty when the action is not allowed in this state. */
    public Optional<ExpertStatus> after(ExpertAction action) {
        return Optional.ofNullable(TABLE.get(action).get(this));
    }

    public boolean allows(ExpertAction action) {
        return TABLE.get(action).containsKey(this);
    }

    private static final Map<ExpertAction, Map<ExpertStatus, ExpertStatus>> TABLE = new EnumMap<>(ExpertAction.class);

    /** {@code to == null}: the action is allowed and the state stays as it is. */
    private static void allow(ExpertAction action, ExpertStatus to, ExpertStatus... from) {
        Map<ExpertStatus, ExpertStatus> moves = TABLE.computeIfAbsent(action, a -> new EnumMap<>(ExpertStatus.class));
        for (ExpertStatus f : from) {
            moves.put(f, to == null ? f : to);
        }
    }

    static {
        // An edit of a reviewed entry keeps it in the pool (staff see it on the timeline); a returned
        // registration goes back to review.
        allow(ExpertAction.UPDATE, null, PENDING, ACTIVE, SUSPENDED, LAPSED);
        allow(ExpertAction.RESUBMIT, PENDING, RETURNED);
        allow(ExpertAction.ADMIT, ACTIVE, PENDING);
        allow(ExpertAction.RETURN, RETURNED, PENDING);
        allow(ExpertAction.SUSPEND, SUSPENDED, ACTIVE, LAPSED);
        allow(ExpertAction.RESUME, ACTIVE, SUSPENDED);
        allow(ExpertAction.REMOVE, REMOVED, ACTIVE, SUSPENDED, LAPSED);
        allow(ExpertAction.CONFIRM, ACTIVE, ACTIVE, LAPSED);
        allow(ExpertAction.LAPSE, LAPSED, ACTIVE);
        for (ExpertAction a : ExpertAction.values()) {
            TABLE.computeIfAbsent(a, x -> new EnumMap<>(ExpertStatus.class));
        }
    }
}
