package cn.keyida.portal.projects;

import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

/** A call (申报指南): 草稿 → 已发布 (open for applications in its window) → 已截止. */
public enum CallStatus {
    DRAFT("草稿"),
    OPEN("已发布"),
    CLOSED("已截止");

    public final String label;

    CallStatus(String label) {
        this.label = label;
    }

    public enum Action {
        EDIT("修改"),
        PUBLISH("发布"),
        CLOSE("截止");

        public final String label;

        Action(String label) {
            this.label = label;
        }
    }

    public Optional<CallStatus> after(Action action) {
        return Optional.ofNullable(TABLE.get(action).get(this));
    }

    private static final Map<Action, Map<CallStatus, CallStatus>> TABLE = new EnumMap<>(Action.class);

    static {
        for (Action a : Action.values()) {
            TABLE.put(a, new EnumMap<>(CallStatus.class));
        }
        TABLE.get(Action.EDIT).put(DRAFT, DRAFT);
        TABLE.get(Action.PUBLISH).put(DRAFT, OPEN);
        TABLE.get(Action.CLOSE).put(OPEN, CLOSED);
    }
}
