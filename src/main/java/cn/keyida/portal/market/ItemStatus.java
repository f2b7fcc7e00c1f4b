package cn.keyida.portal.market;

import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

/**
 * The life of a published demand or achievement, with its transition table: which action is allowed
 * in which state and the state it leads to. {@link MarketWorkflow} asks {@link #after} before every
 * change (409 with the reason otherwise).
 */
public enum ItemStatus {
    DRAFT("草稿"),
    PENDING("待审核"),
    PUBLISHED("已发布"),
    RETURNED("退回修改"),
    WITHDRAWN("已下架");

    public final String label;

    ItemStatus(String label) {
        this.label = label;
    }

    public Optional<ItemStatus> after(ItemAction action) {
        return Optional.ofNullable(TABLE.get(action).get(this));
    }

    public boolean allows(ItemAction action) {
        return TABLE.get(action).containsKey(this);
    }

    private static final Map<ItemAction, Map<ItemStatus, ItemStatus>> TABLE = new EnumMap<>(ItemAction.class);

    private static void allow(ItemAction action, ItemStatus to, ItemStatus... from) {
        Map<ItemStatus, ItemStatus> moves = TABLE.computeIfAbsent(action, a -> new EnumMap<>(ItemStatus.class));
        for (ItemStatus f : from) {
            moves.put(f, to == null ? f : to);
        }
    }

    /** {@code to == null}: allowed, the state stays. */
    static {
        allow(ItemAction.EDIT, null, DRAFT, RETURNED);
        allow(ItemAction.SUBMIT, PENDING, DRAFT, RETURNED);
        allow(ItemAction.APPROVE, PUBLISHED, PENDING);
        allow(ItemAction.RETURN, RETURNED, PENDING);
        // A published item stays visible while its revision waits for review.
        allow(ItemAction.SUBMIT_REVISION, null, PUBLISHED);
        allow(ItemAction.APPROVE_REVISION, null, PUBLISHED);
        allow(ItemAction.RETURN_REVISION, null, PUBLISHED);
        allow(ItemAction.TAKE_DOWN, WITHDRAWN, PUBLISHED);
        allow(ItemAction.ERASE_PERSONAL_DATA, WITHDRAWN, DRAFT, PENDING, PUBLISHED, RETURNED);
        allow(ItemAction.ERASE_PERSONAL_DATA, null, WITHDRAWN);
        for (ItemAction a : ItemAction.values()) {
            TABLE.computeIfAbsent(a, x -> new EnumMap<>(ItemStatus.class));
        }
    }
}
