package cn.keyida.portal.projects;

import cn.keyida.portal.experts.ExpertPool;
import cn.keyida.portal.experts.PoolExpert;
import cn.keyida.portal.experts.ServiceMode;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/** The draw's candidates: active experts of the field in the expert pool who review (评审 among their service modes). */
@ApplicationScoped
class ExpertReviewerPool implements ReviewerPool {

    private final ExpertPool pool;

    ExpertReviewerPool(ExpertPool pool) {
        this.pool = pool;
    }

    @Override
    public List<DrawRules.Candidate> active(String fieldCode) {
        return pool.active(fieldCode).stream().filter(e -> e.serves(ServiceMode.REVIEW))
                .map((PoolExpert e) -> new DrawRules.Candidate(e.id(), e.username(), e.name(), e.organisation())).toList();
    }

    @Override
    public boolean isActive(String username) {
        return pool.isActive(username);
    }
}
