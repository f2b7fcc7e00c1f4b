package cn.keyida.portal.events;

/** What can happen to an event; {@link EventStatus#after} says where each action is allowed. */
public enum EventAction {
    EDIT("修改"),
    PUBLISH("发布"),
    CANCEL("取消"),
    FINISH("结束"),
    REGISTER("报名"),
    CANCEL_REGISTRATION("取消报名"),
    CHECK_IN("签到"),
    RATE("评价");

    /** The verb shown in "活动当前状态为…，不能{label}。". */
    public final String label;

    EventAction(String label) {
        this.label = label;
    }
}
