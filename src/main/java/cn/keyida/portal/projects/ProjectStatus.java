package cn.keyida.portal.projects;

import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

/**
 * The life of a plan-project application (科技计划项目), with its transition table. {@link ProjectWorkflow}
 * asks {@link #after} before every change and answers 409 with the reason otherwise.
 */
public enum ProjectStatus {
    DRAFT("草稿"),
    SUBMITTED("已提交"),
    FORMAL_REVIEW("形式审查中"),
    CORRECTION("退回补正"),
    FORMAL_PASSED("形式审查通过"),
    EXPERT_REVIEW("专家评审"),
    PROPOSED("拟立项"),
    REJECTED("不予立项"),
    PUBLICITY("公示中"),
    APPROVED("立项"),
    MIDTERM("中期检查"),
    ACCEPTANCE("验收中"),
    ACCEPTED("验收通过"),
    FAILED("验收不通过"),
    EXTENDED("延期"),
    WITHDRAWN("已撤回");

    public final String label;

    ProjectStatus(String label) {
        this.label = label;
    }

    public Optional<ProjectStatus> after(ProjectAction action) {
        return Optional.ofNullable(TABLE.get(action).get(this));
    }

    public boolean allows(ProjectAction action) {
        return TABLE.get(action).containsKey(this);
    }

    /** The applicant may still change the form. */
    public boolean editable() {
        return this == DRAFT || this == CORRECTION;
    }

    private static final Map<ProjectAction, Map<ProjectStatus, ProjectStatus>> TABLE = new EnumMap<>(ProjectAction.class);

    private static void allow(ProjectAction action, ProjectStatus to, ProjectStatus... from) {
        Map<ProjectStatus, ProjectStatus> moves = TABLE.computeIfAbsent(action, a -> new EnumMap<>(ProjectStatus.class));
        for (ProjectStatus f : from) {
            moves.put(f, to == null ? f : to);
        }
    }

    static {
        allow(ProjectAction.EDIT, null, DRAFT, CORRECTION);
        allow(ProjectAction.SUBMIT, SUBMITTED, DRAFT);
        allow(ProjectAction.WITHDRAW, WITHDRAWN, DRAFT, SUBMITTED, CORRECTION);
        allow(ProjectAction.START_FORMAL_REVIEW, FORMAL_REVIEW, SUBMITTED);
        allow(ProjectAction.PASS_FORMAL_REVIEW, FORMAL_PASSED, FORMAL_REVIEW);
        allow(ProjectAction.RETURN_FOR_CORRECTION, CORRECTION, FORMAL_REVIEW);
        allow(ProjectAction.RESUBMIT, SUBMITTED, CORRECTION);
        allow(ProjectAction.FAIL_FORMAL_REVIEW, REJECTED, FORMAL_REVIEW);
        allow(ProjectAction.START_EXPERT_REVIEW, EXPERT_REVIEW, FORMAL_PASSED);
        allow(ProjectAction.PROPOSE, PROPOSED, EXPERT_REVIEW);
        allow(ProjectAction.REJECT, REJECTED, EXPERT_REVIEW);
        allow(ProjectAction.START_PUBLICITY, PUBLICITY, PROPOSED);
        allow(ProjectAction.OBJECTION_UPHELD, REJECTED, PUBLICITY);
        allow(ProjectAction.APPROVE, APPROVED, PUBLICITY);
        allow(ProjectAction.START_MIDTERM, MIDTERM, APPROVED);
        allow(ProjectAction.START_ACCEPTANCE, ACCEPTANCE, MIDTERM, EXTENDED);
        allow(ProjectAction.PASS_ACCEPTANCE, ACCEPTED, ACCEPTANCE);
        allow(ProjectAction.FAIL_ACCEPTANCE, FAILED, ACCEPTANCE);
        allow(ProjectAction.EXTEND, EXTENDED, ACCEPTANCE);
        for (ProjectAction a : ProjectAction.values()) {
            TABLE.computeIfAbsent(a, x -> new EnumMap<>(ProjectStatus.class));
        }
    }
}
