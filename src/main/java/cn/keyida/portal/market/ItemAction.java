package cn.keyida.portal.market;

/** What can happen to a demand or achievement; {@link ItemStatus#after} says where. */
public enum ItemAction {
    EDIT("修改"),
    SUBMIT("提交审核"),
    APPROVE("审核通过"),
    RETURN("退回修改"),
    SUBMIT_REVISION("提交修订"),
    APPROVE_REVISION("通过修订"),
    RETURN_REVISION("退回修订"),
    TAKE_DOWN("下架"),
    ERASE_PERSONAL_DATA("删除个人信息");

    public final String label;

    ItemAction(String label) {
        this.label = label;
    }
}
