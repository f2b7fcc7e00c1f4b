package cn.keyida.portal.market;

/** What can happen to a 对接 case; {@link CaseStatus#after} says where. */
public enum CaseAction {
    NEGOTIATE("进入洽谈"),
    SIGN("签约"),
    REGISTER("登记"),
    TERMINATE("终止"),
    REASSIGN("改派经纪人"),
    FOLLOW_UP("记录跟进"),
    CONFIRM("确认合同信息");

    public final String label;

    CaseAction(String label) {
        this.label = label;
    }
}
