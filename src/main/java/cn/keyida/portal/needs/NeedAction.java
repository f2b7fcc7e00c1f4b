package cn.keyida.portal.needs;

/** What can happen to a need; {@link NeedStatus#after} says where each action is allowed. */
public enum NeedAction {
    ACCEPT("受理"),
    RETURN("退回"),
    ASSIGN("分派"),
    START("开始办理"),
    ASK_INFORMATION("要求补充材料"),
    ADD_INFORMATION("补充材料"),
    WITHDRAW("撤回"),
    RESOLVE("办结"),
    CALLBACK_UNREACHED("满意度回访"),
    RATE_SATISFIED("评价"),
    RATE_UNSATISFIED("评价"),
    CLOSE("关闭"),
    FOLLOW_UP("记录跟进"),
    ERASE_PERSONAL_DATA("删除个人信息");

    /** The verb shown in "需求当前状态为…，不能{label}。". */
    public final String label;

    NeedAction(String label) {
        this.label = label;
    }
}
