package cn.keyida.portal.experts;

import cn.keyida.portal.needs.NeedContributions;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;

/**
 * The experts' part of a need's page: advice and visits for the enterprise (with the link to rate the
 * help), everything for staff. Needs calls it through {@link NeedContributions}, knowing nothing of experts.
 */
@ApplicationScoped
class ExpertContributions implements NeedContributions {

    @Override
    public List<Contribution> forEnterprise(long needId) {
        List<Contribution> out = new ArrayList<>();
        for (ExpertAssignment a : ExpertAssignment.forNeed(needId)) {
            Expert e = Expert.findById(a.expertId);
            String author = e.name + "（" + e.title + "，" + e.organisation + "）";
            List<ExpertAdvice> advice = ExpertAdvice.forAssignment(a.id, true);
            for (ExpertAdvice x : advice) {
                out.add(new Contribution(heading(x), author, x.at, text(x), null, null));
            }
            if (a.status == AssignmentStatus.ANSWERED) {
                out.add(new Contribution("请评价专家服务", author, a.answeredAt, "", "/my/advice/" + a.id, "评价本次专家咨询"));
            } else if (a.status == AssignmentStatus.RATED) {
                ExpertRating.forAssignment(a.id).ifPresent(r -> out.add(new Contribution("您已评价专家服务", author, r.at,
                        r.score + " 分" + (r.comment.isEmpty() ? "" : "：" + r.comment), "/my/advice/" + a.id, "查看")));
            }
        }
        return out;
    }

    @Override
    public List<Contribution> forStaff(long needId) {
        List<Contribution> out = new ArrayList<>();
        for (ExpertAssignment a : ExpertAssignment.forNeed(needId)) {
            Expert e = Expert.findById(a.expertId);
            String author = e.name + "（" + e.organisation + "）";
            out.add(new Contribution("专家咨询：" + a.status.label, author, a.createdAt,
                    a.declineReason.isEmpty() ? a.part : "拒绝原因：" + a.declineReason, "/staff/experts/needs/" + needId,
                    "处理"));
            for (ExpertAdvice x : ExpertAdvice.forAssignment(a.id, false)) {
                out.add(new Contribution(heading(x), author, x.at, text(x), null, null));
            }
            ExpertRating.forAssignment(a.id).ifPresent(r -> out.add(new Contribution("企业评价", author, r.at,
                    r.score + " 分" + (r.comment.isEmpty() ? "" : "：" + r.comment), null, null)));
        }
        return out;
    }

    static String heading(ExpertAdvice x) {
        return x.kind == ExpertAdvice.Kind.VISIT ? "现场指导（" + x.visitedOn + "）" : x.kind.label;
    }

    private static String text(ExpertAdvice x) {
        return x.text;
    }
}
