package cn.keyida.portal.projects;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.keyida.portal.enterprise.EnterpriseProfile;
import cn.keyida.portal.support.Enterprises;
import cn.keyida.portal.web.ConflictException;
import cn.keyida.portal.web.FieldErrors;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Scoring visibility, the decision, 公示 with its period and objections, and 立项 after it, on the real services. */
@QuarkusTest
class ProjectScoringTest {

    static final String STAFF = ProjectFixtures.STAFF;

    @Inject
    ReviewerDraws draws;

    @Inject
    ProjectReviews reviews;

    @Inject
    ProjectWorkflow workflow;

    @Inject
    ProjectViews views;

    /** An application in 专家评审 with three drawn reviewers. */
    ProjectApplication inReview(EnterpriseProfile p, ProjectCall call) {
        for (int i = 0; i < 3; i++) {
            ProjectFixtures.expert(null, "广元评分研究院" + i, "04");
        }
        ProjectApplication app = ProjectFixtures.formalPassed(p, call, "04");
        draws.drawField(call.id, "04", "", STAFF);
        return ProjectFixtures.reload(app.id);
    }

    static ProjectReview fresh(long reviewId) {
        return QuarkusTransaction.requiringNew().call(() -> ProjectReview.<ProjectReview>findById(reviewId));
    }

    void scoreAll(ProjectApplication app, int... totals) {
        List<ProjectReview> rs = ProjectFixtures.reviews(app.id).stream().filter(r -> r.status.active()).toList();
        for (int i = 0; i < rs.size(); i++) {
            ProjectReview r = fresh(rs.get(i).id);
            if (r.status == ProjectReview.Status.INVITED) {
                r = reviews.declareNoConflict(r.expertUsername, r.id, r.version, "专家");
            }
            int t = totals[i];
            reviews.score(r.expertUsername, r.id, r.version, List.of(String.valueOf(Math.min(40, t)),
                    String.valueOf(Math.min(30, Math.max(0, t - 40))), String.valueOf(Math.max(0, t - 70))), "意见", "专家");
        }
    }

    @Test
    void reviewersSeeTheApplicationOnlyAfterDeclaringAndOthersScoresOnlyWhenAllAreIn() {
        EnterpriseProfile a = Enterprises.enterpriseA();
        ProjectCall call = ProjectFixtures.openCall(3, "04");
        ProjectApplication app = inReview(a, call);
        List<ProjectReview> rs = ProjectFixtures.reviews(app.id);
        assertThat(rs).hasSize(3);
        ProjectReview r1 = rs.get(0);
        // before the declaration: who applies and the team, not the application itself
        ProjectViews.ReviewPage invited = views.review(r1.expertUsername, r1.id);
        assertThat(invited.full()).isFalse();
        assertThat(invited.summary()).isNull();
        assertThat(invited.budget()).isEmpty();
        assertThat(invited.applicantName()).isEqualTo(a.name);
        // scoring before the declaration is refused
        assertThatThrownBy(() -> reviews.score(r1.expertUsername, r1.id, r1.version, List.of("30", "20", "20"), "好", "专家"))
                .isInstanceOf(ConflictException.class);
        ProjectReview d1 = reviews.declareNoConflict(r1.expertUsername, r1.id, r1.version, "专家");
        assertThat(views.review(r1.expertUsername, r1.id).full()).isTrue();
        // a score above the criterion's weight
        assertThatThrownBy(() -> reviews.score(r1.expertUsername, d1.id, d1.version, List.of("41", "20", "20"), "好", "专家"))
                .isInstanceOfSatisfying(FieldErrors.class, e -> assertThat(e.errors().get("score0")).contains("0 至 40"));
        reviews.score(r1.expertUsername, d1.id, d1.version, List.of("35", "25", "20"), "很好", "专家");
        assertThat(views.review(r1.expertUsername, r1.id).others()).isEmpty();
        ProjectReview r2 = fresh(rs.get(1).id);
        r2 = reviews.declareNoConflict(r2.expertUsername, r2.id, r2.version, "专家");
        reviews.score(r2.expertUsername, r2.id, r2.version, List.of("30", "20", "20"), "较好", "专家");
        assertThat(views.review(r1.expertUsername, r1.id).others()).isEmpty();
        assertThat(views.review(r2.expertUsername, r2.id).others()).isEmpty();
        // staff may not decide while one is missing
        long v = ProjectFixtures.reload(app.id).version;
        assertThatThrownBy(() -> workflow.decide(app.id, v, true, "", STAFF)).isInstanceOf(ConflictException.class)
                .hasMessageContaining("尚有评审专家未提交评分");
        ProjectReview r3 = fresh(rs.get(2).id);
        r3 = reviews.declareNoConflict(r3.expertUsername, r3.id, r3.version, "专家");
        assertThat(views.review(r3.expertUsername, r3.id).others()).isEmpty();
        reviews.score(r3.expertUsername, r3.id, r3.version, List.of("10", "10", "10"), "一般", "专家");
        assertThat(views.review(r1.expertUsername, r1.id).others()).hasSize(2);
        assertThat(views.review(r3.expertUsername, r3.id).others()).extracting(o -> o.total().intValue())
                .containsExactlyInAnyOrder(80, 70);
        // another expert cannot open the review
        String other = r1.expertUsername;
        assertThatThrownBy(() -> views.review(other + "x", r1.id)).isInstanceOf(jakarta.ws.rs.NotFoundException.class);
        // the staff result table: mean, spread, the outlier
        ProjectViews.CallPage page = views.staffCall(call.id);
        ProjectViews.ResultRow row = page.results().stream().filter(x -> x.application().id.equals(app.id)).findFirst().orElseThrow();
        assertThat(row.result().mean()).isEqualByComparingTo("60");
        assertThat(row.result().range()).isEqualByComparingTo("50");
        assertThat(row.result().outliers()).containsExactly(r3.expertName);
    }

    @Test
    void publicityPeriodObjectionsAndApproval() {
        EnterpriseProfile a = Enterprises.enterpriseA();
        ProjectCall call = ProjectFixtures.openCall(3, "04");
        ProjectApplication kept = inReview(a, call);
        ProjectApplication objected = inReview(Enterprises.fresh(), ProjectFixtures.openCall(3, "04"));
        scoreAll(kept, 80, 75, 78);
        scoreAll(objected, 70, 72, 74);
        kept = workflow.decide(kept.id, ProjectFixtures.reload(kept.id).version, true, "综合得分靠前", STAFF);
        objected = workflow.decide(objected.id, ProjectFixtures.reload(objected.id).version, true, "", STAFF);
        assertThat(workflow.startPublicity(call.id, STAFF)).isEqualTo(1);
        workflow.startPublicity(objected.callId, STAFF);
        ProjectApplication onShow = ProjectFixtures.reload(kept.id);
        assertThat(onShow.status).isEqualTo(ProjectStatus.PUBLICITY);
        assertThat(onShow.publicityUntil).isAfter(ProjectFixtures.today());
        assertThat(views.publicity()).extracting(p -> p.application().id).contains(kept.id, objected.id);
        String subject = cn.keyida.portal.support.Enterprises.subject("enterprise2");
        // during the period: an objection is filed; 立项 waits for the period and for the objection
        ProjectObjection o = workflow.object(kept.id, subject, "某企业", "申报材料中的专利已失效");
        long keptId = kept.id;
        assertThatThrownBy(() -> workflow.conclude(keptId, ProjectFixtures.reload(keptId).version, STAFF))
                .isInstanceOf(ConflictException.class).hasMessageContaining("公示期满后");
        assertThatThrownBy(() -> workflow.object(keptId, subject, "某企业", " ")).isInstanceOf(FieldErrors.class);
        workflow.handleObjection(o.id, o.version, false, "经核实专利有效", STAFF);
        assertThatThrownBy(() -> workflow.handleObjection(o.id, o.version, true, "再次处理", STAFF))
                .isInstanceOf(ConflictException.class);
        // the period ends: no more objections, with a Chinese message; the daily run approves
        QuarkusTransaction.requiringNew().run(() -> ProjectApplication.update(
                "publicityUntil = ?1 where id = ?2", ProjectFixtures.today().minusDays(1), keptId));
        assertThatThrownBy(() -> workflow.object(keptId, subject, "某企业", "迟到的异议"))
                .isInstanceOfSatisfying(FieldErrors.class, e -> assertThat(e.errors().get("text")).contains("公示期已于"));
        // an objection upheld during the period: 不予立项
        ProjectObjection upheld = workflow.object(objected.id, subject, "某单位", "团队成员重复申报");
        workflow.handleObjection(upheld.id, upheld.version, true, "经核实情况属实", STAFF);
        assertThat(ProjectFixtures.reload(objected.id).status).isEqualTo(ProjectStatus.REJECTED);
        ProjectReminders reminders = io.quarkus.arc.Arc.container().instance(ProjectReminders.class).get();
        reminders.remind(ProjectFixtures.today());
        ProjectApplication approved = ProjectFixtures.reload(keptId);
        assertThat(approved.status).isEqualTo(ProjectStatus.APPROVED);
        // then 中期检查 and 验收
        approved = workflow.progress(keptId, approved.version, ProjectAction.START_MIDTERM, "", STAFF);
        approved = workflow.progress(keptId, approved.version, ProjectAction.START_ACCEPTANCE, "", STAFF);
        long v = approved.version;
        assertThatThrownBy(() -> workflow.progress(keptId, v, ProjectAction.EXTEND, "", STAFF)).isInstanceOf(FieldErrors.class);
        approved = workflow.progress(keptId, v, ProjectAction.EXTEND, "设备到货延迟", STAFF);
        assertThat(approved.status).isEqualTo(ProjectStatus.EXTENDED);
    }

    @Test
    void aPausedExpertNoLongerReadsOrReviews() {
        ProjectApplication app = inReview(Enterprises.fresh(), ProjectFixtures.openCall(3, "04"));
        ProjectReview r = ProjectFixtures.reviews(app.id).get(0);
        assertThat(views.review(r.expertUsername, r.id)).isNotNull();
        QuarkusTransaction.requiringNew().run(() -> cn.keyida.portal.experts.Expert.findByUsername(r.expertUsername)
                .orElseThrow().status = cn.keyida.portal.experts.ExpertStatus.SUSPENDED);
        assertThatThrownBy(() -> views.review(r.expertUsername, r.id)).isInstanceOf(jakarta.ws.rs.NotFoundException.class);
        assertThatThrownBy(() -> reviews.declareNoConflict(r.expertUsername, r.id, r.version, "x"))
                .isInstanceOf(jakarta.ws.rs.NotFoundException.class);
        assertThat(fresh(r.id).status).isEqualTo(ProjectReview.Status.INVITED);
    }
}
