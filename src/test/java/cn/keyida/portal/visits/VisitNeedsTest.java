package cn.keyida.portal.visits;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;

import cn.keyida.portal.enterprise.EnterpriseProfile;
import cn.keyida.portal.needs.Need;
import cn.keyida.portal.needs.NeedStatus;
import cn.keyida.portal.support.Enterprises;
import cn.keyida.portal.support.UserSession;
import cn.keyida.portal.web.ConflictException;
import cn.keyida.portal.web.FieldErrors;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** Needs heard on a visit enter the needs workflow with source 走访 and show in the enterprise's list. */
@QuarkusTest
class VisitNeedsTest {

    @Inject
    VisitService service;

    @Inject
    VisitViews views;

    @Test
    void aNeedRaisedOnAVisitIsAnOrdinaryNeedWithSourceVisitThatTheEnterpriseSees() {
        EnterpriseProfile a = Enterprises.enterpriseA();
        Visit v = service.plan(new VisitService.Plan(String.valueOf(a.id), LocalDate.now().toString(), "张伟、李娜",
                "需求调研"), "staff1");
        long recordedBefore = views.figures().recorded();
        // no needs before the visit is recorded
        assertThatThrownBy(() -> service.raiseNeed(v.id, "TECH", "标题", "描述", "staff1"))
                .isInstanceOf(ConflictException.class).hasMessageContaining("先记录走访");
        Visit recorded = service.record(v.id, v.version, new VisitService.Report(LocalDate.now().toString(), "王建国",
                "企业希望对接高校开展复合材料老化测试", "高新技术企业认定"));
        assertThat(recorded.status).isEqualTo(VisitStatus.RECORDED);
        String title = "复合材料老化测试合作" + System.nanoTime();
        Need need = service.raiseNeed(v.id, "TECH", title, "走访中企业提出：需要高校实验室支持老化测试。", "staff1");

        Need stored = QuarkusTransaction.requiringNew().call(() -> Need.<Need>findById(need.id));
        assertThat(stored.source).isEqualTo("VISIT");
        assertThat(stored.status).isEqualTo(NeedStatus.SUBMITTED);
        assertThat(views.figures().needsRaised()).isGreaterThanOrEqualTo(1);
        assertThat(views.figures().recorded()).isEqualTo(recordedBefore + 1);

        UserSession enterprise = new UserSession("enterprise1");
        enterprise.open("/my/needs").then().statusCode(200).body(containsString(title), containsString("来源：走访"));
        enterprise.open("/my/needs/" + need.trackingNo).then().statusCode(200).body(containsString("代为记录"));
        UserSession staff = new UserSession("staff1");
        staff.open("/staff/needs/" + need.id).then().statusCode(200).body(containsString("来源：走访"));
        staff.open("/staff/visits/" + v.id).then().statusCode(200).body(containsString(need.trackingNo));
        staff.open("/staff/visits").then().statusCode(200).body(containsString(a.district));
    }

    @Test
    void theEnterpriseConfirmsOrCorrectsAVisitNeedOnceAndStaffSeeItOnTheTimeline() {
        EnterpriseProfile a = Enterprises.enterpriseA();
        Visit v = service.plan(new VisitService.Plan(String.valueOf(a.id), LocalDate.now().toString(), "赵敏",
                "现场服务"), "staff1");
        service.record(v.id, v.version, new VisitService.Report(LocalDate.now().toString(), "王建国",
                "企业提出两项需求", ""));
        String t1 = "走访确认测试" + System.nanoTime();
        String t2 = "走访更正测试" + System.nanoTime();
        Need confirmed = service.raiseNeed(v.id, "TECH", t1, "需要检测设备共享。", "staff1");
        Need corrected = service.raiseNeed(v.id, "TECH", t2, "需要融资对接。", "staff1");

        UserSession enterprise = new UserSession("enterprise1");
        enterprise.open("/my/needs").then().statusCode(200).body(containsString(t1), containsString("待确认"));
        enterprise.open("/my/needs/" + confirmed.trackingNo).then().statusCode(200)
                .body(containsString("请确认走访记录"), containsString("待企业确认"));
        enterprise.form().formParam("version", String.valueOf(version(confirmed.id))).formParam("answer", "confirm")
                .redirects().follow(false).post("/my/needs/" + confirmed.trackingNo + "/confirm").then().statusCode(303);
        // a correction needs its text; then it replaces the description and the timeline keeps the original
        enterprise.open("/my/needs/" + corrected.trackingNo).then().statusCode(200);
        enterprise.form().formParam("version", String.valueOf(version(corrected.id))).formParam("answer", "correct")
                .formParam("correction", " ").post("/my/needs/" + corrected.trackingNo + "/confirm").then()
                .statusCode(400).body(containsString("请填写更正后的需求内容"));
        enterprise.form().formParam("version", String.valueOf(version(corrected.id))).formParam("answer", "correct")
                .formParam("correction", "需要知识产权质押融资，额度约 300 万元。").redirects().follow(false)
                .post("/my/needs/" + corrected.trackingNo + "/confirm").then().statusCode(303);
        enterprise.open("/my/needs/" + corrected.trackingNo).then().statusCode(200)
                .body(containsString("企业已更正"), containsString("知识产权质押融资"),
                        org.hamcrest.Matchers.not(containsString("请确认走访记录")));
        // once only
        enterprise.form().formParam("version", String.valueOf(version(confirmed.id))).formParam("answer", "confirm")
                .post("/my/needs/" + confirmed.trackingNo + "/confirm").then().statusCode(409)
                .body(containsString("已确认过"));

        Need c = QuarkusTransaction.requiringNew().call(() -> Need.<Need>findById(corrected.id));
        assertThat(c.sourceConfirmation).isEqualTo("CORRECTED");
        assertThat(c.description).isEqualTo("需要知识产权质押融资，额度约 300 万元。");
        assertThat(c.status).isEqualTo(NeedStatus.SUBMITTED);
        assertThat(QuarkusTransaction.requiringNew().call(() -> Need.<Need>findById(confirmed.id).sourceConfirmation))
                .isEqualTo("CONFIRMED");
        UserSession staff = new UserSession("staff1");
        staff.open("/staff/needs/" + corrected.id).then().statusCode(200)
                .body(containsString("走访（企业已更正）"), containsString("企业更正走访记录"), containsString("原记录：需要融资对接"));
        staff.open("/staff/needs/" + confirmed.id).then().statusCode(200)
                .body(containsString("走访（企业已确认）"), containsString("企业确认走访记录"),
                        containsString("/staff/visits/enterprises/" + a.id));
        // the enterprise's staff-side record of visits lists both needs with the answers
        staff.open("/staff/visits/enterprises/" + a.id).then().statusCode(200)
                .body(containsString("走访档案"), containsString(t1), containsString(t2), containsString("企业已更正"),
                        containsString("企业已确认"), containsString("现场服务"));
        // the staff start page carries the visit and event figures
        staff.open("/staff").then().statusCode(200).body(containsString("data-visit-totals"),
                containsString("提出需求 " + views.figures().needsRaised()), containsString("data-event-totals"));
    }

    private static long version(long needId) {
        return QuarkusTransaction.requiringNew().call(() -> Need.<Need>findById(needId).version);
    }

    @Test
    void badVisitInputIsA400WithChineseFieldErrors() {
        UserSession staff = new UserSession("staff1");
        staff.open("/staff/visits").then().statusCode(200);
        long before = QuarkusTransaction.requiringNew().call(() -> Visit.count());
        staff.form().formParam("enterprise", "abc").formParam("plannedOn", "下周").formParam("team", "")
                .formParam("purpose", "游玩").post("/staff/visits").then().statusCode(400)
                .body(containsString("请选择走访企业"), containsString("走访日期格式应为"), containsString("请填写走访人员"),
                        containsString("请选择走访目的"));
        assertThat(QuarkusTransaction.requiringNew().call(() -> Visit.count())).isEqualTo(before);
        assertThatThrownBy(() -> service.record(-1, 0, new VisitService.Report("", "", "", "")))
                .isInstanceOf(jakarta.ws.rs.NotFoundException.class);
        EnterpriseProfile a = Enterprises.enterpriseA();
        Visit v = service.plan(new VisitService.Plan(String.valueOf(a.id), LocalDate.now().toString(), "张伟", "政策宣讲"),
                "staff1");
        assertThatThrownBy(() -> service.record(v.id, v.version, new VisitService.Report(
                LocalDate.now().plusDays(3).toString(), "", "", ""))).isInstanceOf(FieldErrors.class)
                .hasMessageContaining("不能晚于今天").hasMessageContaining("请填写走访发现");
    }
}
