package cn.keyida.portal.needs;

import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The life of a need, as a 12345-style work order, with its transition table: which action is allowed
 * in which state, and the state it leads to. The workflow asks {@link #after} before every change, so
 * the table is the one place that says what may happen to a need.
 */
public enum NeedStatus {
    SUBMITTED("已提交"),
    ACCEPTED("已受理"),
    RETURNED("已退回"),
    ASSIGNED("已分派"),
    IN_PROGRESS("办理中"),
    WAITING_INFO("待补充材料"),
    RESOLVED("已办结"),
    CALLBACK_DONE("已回访"),
    CLOSED("已关闭"),
    WITHDRAWN("已撤回");

    public final String label;

    NeedStatus(String label) {
        this.label = label;
    }

    /** States in which the bureau still owes the enterprise an answer. */
    public static final Set<NeedStatus> OPEN = EnumSet.of(SUBMITTED, ACCEPTED, ASSIGNED, IN_PROGRESS, WAITING_INFO);

    public boolean isOpen() {
        return OPEN.contains(this);
    }

    /** The state after {@code action}, or empty when the action is not allowed in this state. */
    public Optional<NeedStatus> after(NeedAction action) {
        return Optional.ofNullable(TABLE.get(action).get(this));
    }

    public boolean allows(NeedAction action) {
        return TABLE.get(action).containsKey(this);
    }

    private static final Map<NeedAction, Map<NeedStatus, NeedStatus>> TABLE = new EnumMap<>(NeedAction.class);

    private static void allow(NeedAction action, NeedStatus to, NeedStatus... from) {
        Map<NeedStatus, NeedStatus> moves = TABLE.computeIfAbsent(action, a -> new EnumMap<>(NeedStatus.class));
        for (NeedStatus f : from) {
            moves.put(f, to == null ? f : to);
        }
    }

    /** {@code to == null}: the action is allowed and the state stays as it is. */
    static {
        allow(NeedAction.ACCEPT, ACCEPTED, SUBMITTED);
        allow(NeedAction.RETURN, RETURNED, SUBMITTED, ACCEPTED);
        allow(NeedAction.ASSIGN, ASSIGNED, ACCEPTED);
        allow(NeedAction.ASSIGN, null, ASSIGNED, IN_PROGRESS, WAITING_INFO); // a transfer
        allow(NeedAction.START, IN_PROGRESS, ASSIGNED);
        allow(NeedAction.ASK_INFORMATION, WAITING_INFO, IN_PROGRESS);
        allow(NeedAction.ADD_INFORMATION, IN_PROGRESS, WAITING_INFO);
        allow(NeedAction.ADD_INFORMATION, null, SUBMITTED, ACCEPTED, ASSIGNED, IN_PROGRESS);
        allow(NeedAction.WITHDRAW, WITHDRAWN, SUBMITTED, ACCEPTED, ASSIGNED, IN_PROGRESS, WAITING_INFO);
        allow(NeedAction.RESOLVE, RESOLVED, IN_PROGRESS);
        // One rating per resolution round, whichever channel comes first (mail link, the need page, phone):
        // rating leaves RESOLVED, and only the next 办结 opens a new round.
        allow(NeedAction.CALLBACK_UNREACHED, null, RESOLVED);
        allow(NeedAction.RATE_SATISFIED, CALLBACK_DONE, RESOLVED);
        allow(NeedAction.RATE_UNSATISFIED, ASSIGNED, RESOLVED);
        allow(NeedAction.CLOSE, CLOSED, CALLBACK_DONE);
        allow(NeedAction.FOLLOW_UP, null, SUBMITTED, ACCEPTED, ASSIGNED, IN_PROGRESS, WAITING_INFO, RESOLVED,
                CALLBACK_DONE, CLOSED);
        allow(NeedAction.ERASE_PERSONAL_DATA, WITHDRAWN, SUBMITTED, ACCEPTED, ASSIGNED, IN_PROGRESS, WAITING_INFO);
        allow(NeedAction.ERASE_PERSONAL_DATA, null, RETURNED, RESOLVED, CALLBACK_DONE, CLOSED, WITHDRAWN);
        for (NeedAction a : NeedAction.values()) {
            TABLE.computeIfAbsent(a, x -> new EnumMap<>(NeedStatus.class));
        }
    }
}
