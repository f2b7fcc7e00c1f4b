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
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Application states on the real PostgreSQL: the moves, 409 on stale versions, budget errors that save nothing, 补正 deadline. */
@QuarkusTest
class ProjectWorkflowTest {

    static final String STAFF = ProjectFixtures.STAFF;

    @Inject
    ProjectWorkflow workflow;

    static long count(String subject) {
        return QuarkusTransaction.requiringNew().call(() -> ProjectApplication.count("applicantSubject", subject));
    }

    @Test
    void applicationMovesThroughFormalReviewAndStaleVersionsAre409() {
        EnterpriseProfile a = Enterprises.enterpriseA();
        ProjectCall call = ProjectFixtures.openCall(3, "06");
        ProjectApplication app = ProjectFixtures.submitted(a, call, "06");
        assertThat(app.status).isEqualTo(ProjectStatus.SUBMITTED);
        long stale = app.version;
        app = workflow.startFormalReview(app.id, app.version, STAFF);
        long id = app.id;
        // a form opened before the change
        assertThatThrownBy(() -> workflow.startFormalReview(id, stale, STAFF)).isInstanceOf(ConflictException.class)
                .hasMessageContaining("刚刚已被其他人处理");
        assertThatThrownBy(() -> workflow.passFormalReview(id, stale, "", STAFF)).isInstanceOf(ConflictException.class);
        // a state that does not allow the action
        long v = app.version;
        assertThatThrownBy(() -> workflow.withdraw(a.subject, id, v, "王建国")).isInstanceOf(ConflictException.class)
                .hasMessageContaining("形式审查中");
        app = workflow.returnForCorrection(id, v, "请补充可行性研究报告", "3", STAFF);
        assertThat(app.status).isEqualTo(ProjectStatus.CORRECTION);
        assertThat(app.correctionDue).isAfterOrEqualTo(ProjectFixtures.today().plusDays(3));
        ProjectApplication corrected = workflow.edit(a.subject, id, app.version, ProjectFixtures.input("06", "改后的项目"),
                Map.of(), true, "王建国");
        assertThat(corrected.status).isEqualTo(ProjectStatus.SUBMITTED);
        assertThat(corrected.title).isEqualTo("改后的项目");
        List<ProjectEvent> timeline = QuarkusTransaction.requiringNew().call(() -> ProjectEvent.timeline(id, true));
        assertThat(timeline).extracting(e -> e.action).containsExactly("创建申报书", "提交申报", "开始形式审查", "退回补正",
                "补正后重新提交");
        // another enterprise cannot touch it
        EnterpriseProfile b = Enterprises.enterpriseB();
        long v2 = corrected.version;
        assertThatThrownBy(() -> workflow.withdraw(b.subject, id, v2, "x")).isInstanceOf(jakarta.ws.rs.NotFoundException.class);
    }

    @Test
    void resubmissionAfterTheCorrectionDeadlineIsRefused() {
        EnterpriseProfile a = Enterprises.enterpriseA();
        ProjectCall call = ProjectFixtures.openCall(3, "06");
        ProjectApplication app = ProjectFixtures.submitted(a, call, "06");
        app = workflow.startFormalReview(app.id, app.version, STAFF);
        app = workflow.returnForCorrection(app.id, app.version, "补充材料", "", STAFF);
        long id = app.id;
        QuarkusTransaction.requiringNew().run(() -> ProjectApplication.update("correctionDue = ?1 where id = ?2",
                ProjectFixtures.today().minusDays(1), id));
        long v = ProjectFixtures.reload(id).version;
        assertThatThrownBy(() -> workflow.submit(a.subject, id, v, "王建国")).isInstanceOf(ConflictException.class)
                .hasMessageContaining("补正期限");
        assertThat(ProjectFixtures.reload(id).status).isEqualTo(ProjectStatus.CORRECTION);
    }

    @Test
    void badBudgetOrMissingFilesSaveNothing() {
        EnterpriseProfile a = Enterprises.enterpriseA();
        ProjectCall call = ProjectFixtures.openCall(3, "06");
        ProjectWorkflow.Applicant who = ProjectFixtures.applicant(a);
        long before = count(a.subject);
        ProjectWorkflow.ApplicationInput wrongTotal = new ProjectWorkflow.ApplicationInput("06", "预算不符", "简介", "300000",
                "0", "王建国", "13900001111", List.of("设备费"), List.of("299999.99"), List.of("王建国"), List.of(""),
                List.of(""), List.of("负责人"));
        assertThatThrownBy(() -> workflow.create(who, call.id, wrongTotal,
                Map.of(FileKind.PROPOSAL, new ProjectInput.Upload("a.pdf", ProjectFixtures.PDF)), true, "王建国"))
                .isInstanceOfSatisfying(FieldErrors.class, e -> assertThat(e.errors().get("budget")).contains("不一致"));
        ProjectWorkflow.ApplicationInput threeDecimals = new ProjectWorkflow.ApplicationInput("06", "三位小数", "简介", "100",
                "0", "王建国", "13900001111", List.of("设备费"), List.of("100.001"), List.of("王建国"), List.of(""),
                List.of(""), List.of(""));
        assertThatThrownBy(() -> workflow.create(who, call.id, threeDecimals, Map.of(), false, "王建国"))
                .isInstanceOfSatisfying(FieldErrors.class, e -> assertThat(e.errors().get("budgetAmount0")).contains("两位小数"));
        // submitted without the required proposal
        assertThatThrownBy(() -> workflow.create(who, call.id, ProjectFixtures.input("06", "缺附件"), Map.of(), true, "王建国"))
                .isInstanceOfSatisfying(FieldErrors.class, e -> assertThat(e.errors().get("filePROPOSAL")).contains("项目申报书"));
        // a file that is not what its name says
        assertThatThrownBy(() -> workflow.create(who, call.id, ProjectFixtures.input("06", "假PDF"),
                Map.of(FileKind.PROPOSAL, new ProjectInput.Upload("a.pdf", "MZ not a pdf".getBytes())), true, "王建国"))
                .isInstanceOf(FieldErrors.class);
        // a field the call does not cover
        assertThatThrownBy(() -> workflow.create(who, call.id, ProjectFixtures.input("01", "错领域"), Map.of(), false, "王建国"))
                .isInstanceOfSatisfying(FieldErrors.class, e -> assertThat(e.errors()).containsKey("fieldCode"));
        assertThat(count(a.subject)).isEqualTo(before);
        // a draft can be saved without the files, then is refused on submit until they are there
        ProjectApplication draft = workflow.create(who, call.id, ProjectFixtures.input("06", "草稿"), Map.of(), false, "王建国");
        assertThat(draft.status).isEqualTo(ProjectStatus.DRAFT);
        assertThatThrownBy(() -> workflow.submit(a.subject, draft.id, draft.version, "王建国"))
                .isInstanceOf(FieldErrors.class);
        assertThat(ProjectFixtures.reload(draft.id).status).isEqualTo(ProjectStatus.DRAFT);
        List<BudgetLine> lines = QuarkusTransaction.requiringNew().call(() -> BudgetLine.of(draft.id));
        assertThat(lines).extracting(l -> l.item).containsExactly("设备费", "材料费", "劳务费");
    }

    @Test
    void callsCheckTheirOwnInput() {
        ProjectCalls calls = ProjectFixtures.calls();
        assertThatThrownBy(() -> calls.create(new ProjectCalls.CallInput("重点研发计划", "权重不对", "", List.of("06"),
                "100000", "200000", "2026-01-01", "2099-01-01", List.of(), List.of(), List.of(), List.of("创新性", "可行性"),
                List.of("50", "40"), "3", "", ""), STAFF)).isInstanceOfSatisfying(FieldErrors.class, e -> {
                    assertThat(e.errors().get("criteria")).contains("合计应为 100");
                    assertThat(e.errors().get("maxGrant")).contains("不能超过指南总预算");
                });
    }
}
