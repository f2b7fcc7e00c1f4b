package cn.keyida.portal.projects;

import cn.keyida.portal.common.PortalClock;
import cn.keyida.portal.enterprise.EnterpriseProfile;
import cn.keyida.portal.experts.Expert;
import cn.keyida.portal.experts.ExpertStatus;
import io.quarkus.arc.Arc;
import io.quarkus.narayana.jta.QuarkusTransaction;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Calls, applications and pool experts for the project tests, through the real services and tables. */
public final class ProjectFixtures {

    public static final byte[] PDF = "%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);
    static final String STAFF = "测试员（staff1）";

    private ProjectFixtures() {}

    static ProjectWorkflow workflow() {
        return Arc.container().instance(ProjectWorkflow.class).get();
    }

    static ProjectCalls calls() {
        return Arc.container().instance(ProjectCalls.class).get();
    }

    public static ReviewerDraws draws() {
        return Arc.container().instance(ReviewerDraws.class).get();
    }

    static LocalDate today() {
        return Arc.container().instance(PortalClock.class).get().today();
    }

    /** A published call for {@code fields}, open today, three criteria, {@code reviewers} per field, the proposal required. */
    public static ProjectCall openCall(int reviewers, String... fields) {
        LocalDate t = today();
        ProjectCall c = calls().create(new ProjectCalls.CallInput("重点研发计划", "测试指南" + System.nanoTime(), "说明",
                List.of(fields), "5000000", "500000", t.minusDays(1).toString(), t.plusDays(30).toString(),
                List.of("高新技术企业"), List.of("利州区"), List.of("PROPOSAL"), List.of("创新性", "可行性", "效益"),
                List.of("40", "30", "30"), String.valueOf(reviewers), "10", "5"), STAFF);
        return calls().move(c.id, c.version, CallStatus.Action.PUBLISH);
    }

    static ProjectWorkflow.ApplicationInput input(String field, String title) {
        return new ProjectWorkflow.ApplicationInput(field, title, "项目简介", "300000", "100000", "王建国", "13900001111",
                List.of("设备费", "材料费", "劳务费"), List.of("200000", "150000.50", "49999.50"), List.of("王建国", "李四"),
                List.of("高级工程师", "工程师"), List.of("本单位", "本单位"), List.of("项目负责人", "试验"));
    }

    public static ProjectWorkflow.Applicant applicant(EnterpriseProfile p) {
        return workflow().applicant(p.subject, false).orElseThrow();
    }

    /** A submitted application of the enterprise to the call in {@code field}. */
    public static ProjectApplication submitted(EnterpriseProfile p, ProjectCall call, String field) {
        return workflow().create(applicant(p), call.id, input(field, "测试项目" + System.nanoTime()),
                Map.of(FileKind.PROPOSAL, new ProjectInput.Upload("申报书.pdf", PDF)), true, "王建国（enterprise1）");
    }

    /** Submitted and through the formal review. */
    public static ProjectApplication formalPassed(EnterpriseProfile p, ProjectCall call, String field) {
        ProjectApplication a = submitted(p, call, field);
        a = workflow().startFormalReview(a.id, a.version, STAFF);
        return workflow().passFormalReview(a.id, a.version, "材料齐全", STAFF);
    }

    /** An active pool expert who reviews, in {@code fields}; the username is made unique unless given. */
    public static long expert(String username, String organisation, String... fields) {
        String u = username != null ? username : "px-" + UUID.randomUUID().toString().substring(0, 10);
        return QuarkusTransaction.requiringNew().call(() -> {
            Expert existing = Expert.findByUsername(u).orElse(null);
            Expert e = existing != null ? existing : new Expert();
            e.username = u;
            e.name = "专家" + u;
            e.organisation = organisation;
            e.title = "研究员";
            e.fields = new ArrayList<>(List.of(fields));
            e.modes = new ArrayList<>(List.of("REVIEW", "CONSULT"));
            e.phone = "13900003333";
            e.email = u + "@example.com";
            e.status = ExpertStatus.ACTIVE;
            e.persist();
            return e.id;
        });
    }

    static ProjectApplication reload(long id) {
        return QuarkusTransaction.requiringNew().call(() -> ProjectApplication.<ProjectApplication>findById(id));
    }

    static List<ProjectReview> reviews(long applicationId) {
        return QuarkusTransaction.requiringNew().call(() -> ProjectReview.of(applicationId));
    }
}
