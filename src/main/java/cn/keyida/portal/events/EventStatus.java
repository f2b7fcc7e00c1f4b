package cn.keyida.portal.events;

import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

/**
 * The life of an event with its transition table: 草稿 → 已发布 → 已结束, or 已取消 from a draft or a
 * published event. The service asks {@link #after} before every change; a refused move is a 409.
 */
public enum EventStatus {
    DRAFT("草稿"),
    PUBLISHED("已发布"),
    CANCELLED("已取消"),
    FINISHED("已结束");

    public final String label;

    EventStatus(String label) {
        this.label = label;
    }

    /** The state after {@code action}, or empty when the action is not allowed in this state. */
    public Optional<EventStatus> after(EventAction action) {
        return Optional.ofNullable(TABLE.get(action).get(this));
    }

    public boolean allows(EventAction action) {
        return TABLE.get(action).containsKey(this);
    }

    /** In the search index (cancelled events stay on the calendar, marked, but leave search). */
    public static final java.util.List<EventStatus> INDEXED = java.util.List.of(PUBLISHED, FINISHED);

    public boolean isIndexed() {
        return INDEXED.contains(this);
    }

    /** Shown to the public (calendar, detail page, feeds, search). */
    public boolean isPublic() {
        return this == PUBLISHED || this == FINISHED || this == CANCELLED;
    }

    private static final Map<EventAction, Map<EventStatus, EventStatus>> TABLE = new EnumMap<>(EventAction.class);

    private static void allow(EventAction action, EventStatus to, EventStatus... from) {
        Map<EventStatus, EventStatus> moves = TABLE.computeIfAbsent(action, a -> new EnumMap<>(EventStatus.class));
        for (EventStatus f : from) {
            moves.put(f, to == null ? f : to);
        }
    }

    /** {@code to == null}: the action is allowed and the state stays as it is. */
    static {
        allow(EventAction.EDIT, null, DRAFT, PUBLISHED);
        allow(EventAction.PUBLISH, PUBLISHED, DRAFT);
        allow(EventAction.CANCEL, CANCELLED, DRAFT, PUBLISHED);
        allow(EventAction.FINISH, FINISHED, PUBLISHED);
        allow(EventAction.REGISTER, null, PUBLISHED);
        allow(EventAction.CANCEL_REGISTRATION, null, PUBLISHED);
        // the door stays open a little after the official end, until staff mark the event finished
        allow(EventAction.CHECK_IN, null, PUBLISHED);
        allow(EventAction.RATE, null, FINISHED);
        for (EventAction a : EventAction.values()) {
            TABLE.computeIfAbsent(a, x -> new EnumMap<>(EventStatus.class));
        }
    }
}
