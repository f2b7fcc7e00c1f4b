package cn.keyida.portal.projects;

import static cn.keyida.portal.projects.ProjectAction.*;
import static cn.keyida.portal.projects.ProjectStatus.*;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The whole transition table of an application, written out by hand: every action in every state. */
class ProjectStatusTest {

    static final Map<ProjectAction, Map<ProjectStatus, ProjectStatus>> EXPECTED = new EnumMap<>(ProjectAction.class);

    static void allowed(ProjectAction action, ProjectStatus from, ProjectStatus to) {
        EXPECTED.computeIfAbsent(action, a -> new EnumMap<>(ProjectStatus.class)).put(from, to);
    }

    static {
        allowed(EDIT, DRAFT, DRAFT);
        allowed(EDIT, CORRECTION, CORRECTION);
        allowed(SUBMIT, DRAFT, SUBMITTED);
        allowed(WITHDRAW, DRAFT, WITHDRAWN);
        allowed(WITHDRAW, SUBMITTED, WITHDRAWN);
        allowed(WITHDRAW, CORRECTION, WITHDRAWN);
        allowed(START_FORMAL_REVIEW, SUBMITTED, FORMAL_REVIEW);
        allowed(PASS_FORMAL_REVIEW, FORMAL_REVIEW, FORMAL_PASSED);
        allowed(RETURN_FOR_CORRECTION, FORMAL_REVIEW, CORRECTION);
        allowed(RESUBMIT, CORRECTION, SUBMITTED);
        allowed(FAIL_FORMAL_REVIEW, FORMAL_REVIEW, REJECTED);
        allowed(START_EXPERT_REVIEW, FORMAL_PASSED, EXPERT_REVIEW);
        allowed(PROPOSE, EXPERT_REVIEW, PROPOSED);
        allowed(REJECT, EXPERT_REVIEW, REJECTED);
        allowed(START_PUBLICITY, PROPOSED, PUBLICITY);
        allowed(OBJECTION_UPHELD, PUBLICITY, REJECTED);
        allowed(APPROVE, PUBLICITY, APPROVED);
        allowed(START_MIDTERM, APPROVED, MIDTERM);
        allowed(START_ACCEPTANCE, MIDTERM, ACCEPTANCE);
        allowed(START_ACCEPTANCE, EXTENDED, ACCEPTANCE);
        allowed(PASS_ACCEPTANCE, ACCEPTANCE, ACCEPTED);
        allowed(FAIL_ACCEPTANCE, ACCEPTANCE, FAILED);
        allowed(EXTEND, ACCEPTANCE, EXTENDED);
    }

    @Test
    void everyActionInEveryStateIsAsWrittenOut() {
        int allowedMoves = 0;
        for (ProjectAction action : ProjectAction.values()) {
            for (ProjectStatus from : ProjectStatus.values()) {
                ProjectStatus expected = EXPECTED.getOrDefault(action, Map.of()).get(from);
                assertThat(from.after(action)).as("%s in %s", action, from).isEqualTo(java.util.Optional.ofNullable(expected));
                assertThat(from.allows(action)).as("%s allowed in %s", action, from).isEqualTo(expected != null);
                allowedMoves += expected == null ? 0 : 1;
            }
        }
        assertThat(allowedMoves).isEqualTo(23);
    }

    @Test
    void finalStatesAllowNothing() {
        for (ProjectStatus end : new ProjectStatus[] {REJECTED, ACCEPTED, FAILED, WITHDRAWN}) {
            for (ProjectAction action : ProjectAction.values()) {
                assertThat(end.allows(action)).as("%s in %s", action, end).isFalse();
            }
        }
    }

    @Test
    void onlyDraftsAndReturnedApplicationsAreEditable() {
        for (ProjectStatus s : ProjectStatus.values()) {
            assertThat(s.editable()).as("%s", s).isEqualTo(s == DRAFT || s == CORRECTION);
        }
    }
}
