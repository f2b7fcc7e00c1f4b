package cn.keyida.portal.experts;

/** What can happen to an expert's entry in the pool; {@link ExpertStatus#after} says where each is allowed. */
public enum ExpertAction {
    UPDATE("修改资料"),
    RESUBMIT("修改后重新提交"),
    ADMIT("审核入库"),
    RETURN("退回"),
    SUSPEND("暂停"),
    RESUME("恢复"),
    REMOVE("出库"),
    CONFIRM("年度确认"),
    LAPSE("逾期未确认，自动暂停");

    /** The verb shown in "专家当前状态为…，不能{label}。". */
    public final String label;

    ExpertAction(String label) {
        this.label = label;
    }
}
