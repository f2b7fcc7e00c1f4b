package cn.keyida.portal.projects;

/** What can happen to an application; {@link ProjectStatus#after} says where each action is allowed. */
public enum ProjectAction {
    EDIT("修改申报书"),
    SUBMIT("提交申报"),
    WITHDRAW("撤回申报"),
    START_FORMAL_REVIEW("开始形式审查"),
    PASS_FORMAL_REVIEW("通过形式审查"),
    RETURN_FOR_CORRECTION("退回补正"),
    RESUBMIT("补正后重新提交"),
    FAIL_FORMAL_REVIEW("形式审查不通过"),
    START_EXPERT_REVIEW("进入专家评审"),
    PROPOSE("拟立项"),
    REJECT("不予立项"),
    START_PUBLICITY("公示"),
    OBJECTION_UPHELD("异议成立，不予立项"),
    APPROVE("立项"),
    START_MIDTERM("开始中期检查"),
    START_ACCEPTANCE("开始验收"),
    PASS_ACCEPTANCE("验收通过"),
    FAIL_ACCEPTANCE("验收不通过"),
    EXTEND("延期验收");

    /** The verb shown in "申报当前状态为…，不能{label}。". */
    public final String label;

    ProjectAction(String label) {
        this.label = label;
    }
}
