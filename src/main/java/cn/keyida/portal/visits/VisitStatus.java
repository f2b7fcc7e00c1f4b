package cn.keyida.portal.visits;

import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

/** A visit is planned, then recorded (done) or cancelled; needs are raised from a recorded visit. */
public enum VisitStatus {
    PLANNED("已计划"),
    RECORDED("已走访"),
    CANCELLED("已取消");

    public final String label;

    VisitStatus(String label) {
        this.label = label;
    }

    public enum Action {
        RECORD("记录走访"), CANCEL("取消"), RAISE_NEED("代为提交需求");

        public final String label;

        Action(String label) {
            this.label = label;
        }
    }

    public Optional<VisitStatus> after(Action action) {
        return Optional.ofNullable(TABLE.get(action).get(this));
    }

    public boolean allows(Action action) {
        return TABLE.get(action).containsKey(this);
    }

    private static final Map<Action, Map<VisitStatus, VisitStatus>> TABLE = new EnumMap<>(Action.class);

    static {
        for (Action a : Action.values()) {
            TABLE.put(a, new EnumMap<>(VisitStatus.class));
        }
        TABLE.get(Action.RECORD).put(PLANNED, RECORDED);
        TABLE.get(Action.RECORD).put(RECORDED, RECORDED); // corrections to the record
        TABLE.get(Action.CANCEL).put(PLANNED, CANCELLED);
        TABLE.get(Action.RAISE_NEED).put(RECORDED, RECORDED);
    }
}
