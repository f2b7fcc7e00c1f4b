package cn.keyida.portal.projects;

import java.util.List;

/** The active pool experts of a field, as the draw sees them (implemented over experts.ExpertPool). */
interface ReviewerPool {

    List<DrawRules.Candidate> active(String fieldCode);

    /** Whether the expert is still in the pool: a paused or removed expert stops reviewing. */
    boolean isActive(String username);
}
