package cn.keyida.portal.experts;

/** What can happen to an expert's assignment on a need; {@link AssignmentStatus#after} says where. */
public enum AssignmentAction {
    FORWARD("转交专家"),
    ACCEPT("接受"),
    DECLINE("拒绝"),
    ADVISE("提交咨询意见"),
    NOTE("提交内部意见"),
    VISIT("记录现场指导"),
    RATE("评价"),
    WITHDRAW("撤回"),
    EXPIRE("逾期未接受");

    public final String label;

    AssignmentAction(String label) {
        this.label = label;
    }
}
