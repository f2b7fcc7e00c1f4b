package cn.keyida.portal.experts;

import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * An expert's assignment on a need, with its transition table. Staff offer it (or forward the
 * enterprise's request from the expert's card); the expert accepts or declines within the deadline,
 * then answers (advice visible to the enterprise); the enterprise rates the help once.
 */
public enum AssignmentStatus {
    REQUESTED("企业申请，待转交"),
    OFFERED("待接受"),
    ACCEPTED("已接受"),
    DECLINED("已拒绝"),
    ANSWERED("已答复"),
    RATED("已评价"),
    WITHDRAWN("已撤回"),
    EXPIRED("逾期未接受");

    public final String label;

    AssignmentStatus(String label) {
        this.label = label;
    }

    /** Assignments still in play: at most one per need and expert (a unique index says so too). */
    public static final Set<AssignmentStatus> OPEN = EnumSet.of(REQUESTED, OFFERED, ACCEPTED, ANSWERED);

    public boolean isOpen() {
        return OPEN.contains(this);
    }

    public Optional<AssignmentStatus> after(AssignmentAction action) {
        return Optional.ofNullable(TABLE.get(action).get(this));
    }

    public boolean allows(AssignmentAction action) {
        return TABLE.get(action).containsKey(this);
    }

    private static final Map<AssignmentAction, Map<AssignmentStatus, AssignmentStatus>> TABLE =
            new EnumMap<>(AssignmentAction.class);

    /** {@code to == null}: allowed, the state stays. */
    private static void allow(AssignmentAction action, AssignmentStatus to, AssignmentStatus... from) {
        Map<AssignmentStatus, AssignmentStatus> moves = TABLE.computeIfAbsent(action,
                a -> new EnumMap<>(AssignmentStatus.class));
        for (AssignmentStatus f : from) {
            moves.put(f, to == null ? f : to);
        }
    }

    static {
        allow(AssignmentAction.FORWARD, OFFERED, REQUESTED);
        allow(AssignmentAction.ACCEPT, ACCEPTED, OFFERED);
        allow(AssignmentAction.DECLINE, DECLINED, OFFERED);
        allow(AssignmentAction.ADVISE, ANSWERED, ACCEPTED);
        allow(AssignmentAction.ADVISE, null, ANSWERED, RATED);
        allow(AssignmentAction.NOTE, null, ACCEPTED, ANSWERED, RATED);
        allow(AssignmentAction.VISIT, null, ACCEPTED, ANSWERED, RATED);
        allow(AssignmentAction.RATE, RATED, ANSWERED);
        allow(AssignmentAction.WITHDRAW, WITHDRAWN, REQUESTED, OFFERED, ACCEPTED);
        allow(AssignmentAction.EXPIRE, EXPIRED, OFFERED);
        for (AssignmentAction a : AssignmentAction.values()) {
            TABLE.computeIfAbsent(a, x -> new EnumMap<>(AssignmentStatus.class));
        }
    }
}
