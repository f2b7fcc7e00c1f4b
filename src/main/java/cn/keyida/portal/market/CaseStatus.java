package cn.keyida.portal.market;

import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** The life of a 对接 case, with its transition table (see {@link ItemStatus} for the pattern). */
public enum CaseStatus {
    INTENT("意向"),
    NEGOTIATING("洽谈"),
    SIGNED("签约"),
    REGISTERED("已登记"),
    TERMINATED("终止");

    public final String label;

    CaseStatus(String label) {
        this.label = label;
    }

    /** States in which the broker still has work: the stuck-case reminder watches these. */
    public static final Set<CaseStatus> OPEN = EnumSet.of(INTENT, NEGOTIATING, SIGNED);

    public Optional<CaseStatus> after(CaseAction action) {
        return Optional.ofNullable(TABLE.get(action).get(this));
    }

    public boolean allows(CaseAction action) {
        return TABLE.get(action).containsKey(this);
    }

    private static final Map<CaseAction, Map<CaseStatus, CaseStatus>> TABLE = new EnumMap<>(CaseAction.class);

    private static void allow(CaseAction action, CaseStatus to, CaseStatus... from) {
        Map<CaseStatus, CaseStatus> moves = TABLE.computeIfAbsent(action, a -> new EnumMap<>(CaseStatus.class));
        for (CaseStatus f : from) {
            moves.put(f, to == null ? f : to);
        }
    }

    static {
        allow(CaseAction.NEGOTIATE, NEGOTIATING, INTENT);
        allow(CaseAction.SIGN, SIGNED, NEGOTIATING);
        allow(CaseAction.REGISTER, REGISTERED, SIGNED);
        allow(CaseAction.TERMINATE, TERMINATED, INTENT, NEGOTIATING, SIGNED);
        allow(CaseAction.REASSIGN, null, INTENT, NEGOTIATING, SIGNED);
        allow(CaseAction.FOLLOW_UP, null, INTENT, NEGOTIATING, SIGNED);
        allow(CaseAction.CONFIRM, null, SIGNED, REGISTERED);
        for (CaseAction a : CaseAction.values()) {
            TABLE.computeIfAbsent(a, x -> new EnumMap<>(CaseStatus.class));
        }
    }
}
