package cn.keyida.portal.projects;

import java.util.List;

/** The active pool experts of a field, as the draw sees them (implemented over experts.ExpertPool). */
interface ReviewerPool {

    List<DrawRules.Candidate> active(String fieldCode);
}
