package cn.keyida.portal.needs;

import java.util.EnumSet;
import java.util.Set;

/** The life of a need, as a 12345-style work order. */
public enum NeedStatus {
    SUBMITTED("已提交"),
    ACCEPTED("已受理"),
    RETURNED("已退回"),
    ASSIGNED("已分派"),
    IN_PROGRESS("办理中"),
    WAITING_INFO("待补充材料"),
    RESOLVED("已办结"),
    CALLBACK_DONE("已回访"),
    CLOSED("已关闭"),
    WITHDRAWN("已撤回");

    public final String label;

    NeedStatus(String label) {
        this.label = label;
    }

    /** States in which the bureau still owes the enterprise an answer. */
    public static final Set<NeedStatus> OPEN = EnumSet.of(SUBMITTED, ACCEPTED, ASSIGNED, IN_PROGRESS, WAITING_INFO);

    public boolean isOpen() {
        return OPEN.contains(this);
    }
}
