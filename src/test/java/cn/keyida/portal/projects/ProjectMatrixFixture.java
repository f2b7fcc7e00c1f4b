package cn.keyida.portal.projects;

import cn.keyida.portal.enterprise.EnterpriseProfile;
import cn.keyida.portal.experts.Expert;
import cn.keyida.portal.support.Enterprises;
import io.quarkus.arc.Arc;
import io.quarkus.narayana.jta.QuarkusTransaction;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Path values of the project routes for the authorization matrix: an application of enterprise A on 公示
 * (reviewed by expert1 and one drawn expert), its proposal file, its draw and an open objection.
 */
public final class ProjectMatrixFixture {

    private ProjectMatrixFixture() {}

    public static Map<String, String> values() {
        EnterpriseProfile a = Enterprises.enterpriseA();
        ProjectCall call = ProjectFixtures.openCall(1, "09");
        ProjectFixtures.expert(null, "广元权限矩阵研究院", "09");
        ProjectApplication app = ProjectFixtures.formalPassed(a, call, "09");
        ReviewerDraw draw = ProjectFixtures.draws().drawField(call.id, "09", "", "matrix");
        // expert1 reviews this application too (the route rules are the point here, not the draw)
        long expert1 = QuarkusTransaction.requiringNew().call(() -> Expert.findByUsername("expert1").map(e -> e.id)
                .orElse(null) == null ? ProjectFixtures.expert("expert1", "广元权限矩阵专家单位", "09")
                        : Expert.findByUsername("expert1").get().id);
        QuarkusTransaction.requiringNew().run(() -> {
            if (ProjectReview.count("applicationId = ?1 and expertId = ?2", app.id, expert1) == 0) {
                ProjectReview r = new ProjectReview();
                r.applicationId = app.id;
                r.drawId = draw.id;
                r.expertId = expert1;
                r.expertUsername = "expert1";
                r.expertName = "专家一";
                r.status = ProjectReview.Status.INVITED;
                r.persist();
            }
        });
        ProjectReviews reviews = Arc.container().instance(ProjectReviews.class).get();
        for (ProjectReview r : ProjectFixtures.reviews(app.id)) {
            ProjectReview d = reviews.declareNoConflict(r.expertUsername, r.id, r.version, "matrix");
            reviews.score(r.expertUsername, d.id, d.version, List.of("30", "20", "20"), "权限矩阵", "matrix");
        }
        ProjectWorkflow workflow = ProjectFixtures.workflow();
        workflow.decide(app.id, ProjectFixtures.reload(app.id).version, true, "", "matrix");
        workflow.startPublicity(call.id, "matrix");
        ProjectObjection o = workflow.object(app.id, Enterprises.subject("enterprise2"), "权限矩阵", "权限矩阵测试异议");
        long review = QuarkusTransaction.requiringNew().call(() -> ProjectReview.<ProjectReview>find(
                "applicationId = ?1 and expertUsername = ?2", app.id, "expert1").firstResult().id);
        long file = QuarkusTransaction.requiringNew().call(() -> ProjectFile.of(app.id).get(0).id);
        Map<String, String> v = new LinkedHashMap<>();
        v.put("{projectCall}", String.valueOf(call.id));
        v.put("{projectApp}", String.valueOf(app.id));
        v.put("{projectFile}", String.valueOf(file));
        v.put("{projectDraw}", String.valueOf(draw.id));
        v.put("{projectReview}", String.valueOf(review));
        v.put("{projectObjection}", String.valueOf(o.id));
        v.put("{projectApplicantStep}", "withdraw");
        v.put("{projectCallStep}", "draw");
        v.put("{projectStep}", "conclude");
        v.put("{projectObjectionStep}", "dismiss");
        v.put("{projectExpertStep}", "score");
        return v;
    }
}
