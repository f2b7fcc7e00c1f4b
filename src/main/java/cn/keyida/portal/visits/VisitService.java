package cn.keyida.portal.visits;

import cn.keyida.portal.common.PortalClock;
import cn.keyida.portal.enterprise.EnterpriseProfile;
import cn.keyida.portal.needs.Need;
import cn.keyida.portal.needs.NeedSubmission;
import cn.keyida.portal.web.ConflictException;
import cn.keyida.portal.web.FieldErrors;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.NotFoundException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;

/**
 * Plans and records 科惠达 service visits. Needs heard on a visit go through the needs feature's own
 * submission ({@link NeedSubmission#submitFromVisit}), so they are numbered, mailed and handled like any
 * other need, with source 走访; this package only keeps the link.
 */
@ApplicationScoped
public class VisitService {

    public record Plan(String enterpriseId, String plannedOn, String team, String purpose) {}

    public record Report(String visitedOn, String participants, String findings, String policiesExplained) {}

    private final NeedSubmission needs;
    private final PortalClock clock;

    VisitService(NeedSubmission needs, PortalClock clock) {
        this.needs = needs;
        this.clock = clock;
    }

    @Transactional
    public Visit plan(Plan p, String actor) {
        FieldErrors.Builder errors = new FieldErrors.Builder();
        EnterpriseProfile enterprise = null;
        try {
            enterprise = EnterpriseProfile.findById(Long.parseLong(p.enterpriseId() == null ? "" : p.enterpriseId().strip()));
        } catch (NumberFormatException e) {
            // reported below
        }
        if (enterprise == null) {
            errors.add("enterprise", "请选择走访企业。");
        }
        LocalDate day = day(p.plannedOn(), "plannedOn", "走访日期", errors);
        String team = p.team() == null ? "" : p.team().strip();
        if (team.isEmpty()) {
            errors.add("team", "请填写走访人员。");
        } else if (team.length() > 300) {
            errors.add("team", "走访人员最多 300 字。");
        }
        if (p.purpose() == null || !Visit.PURPOSES.contains(p.purpose())) {
            errors.add("purpose", "请选择走访目的。");
        }
        errors.throwIfAny();
        Visit v = new Visit();
        v.enterpriseSubject = enterprise.subject;
        v.enterpriseName = enterprise.name;
        v.district = enterprise.district;
        v.plannedOn = day;
        v.team = team;
        v.purpose = p.purpose();
        v.status = VisitStatus.PLANNED;
        v.createdBy = actor;
        v.persist();
        return v;
    }

    @Transactional
    public Visit record(long id, long version, Report r) {
        Visit v = load(id, version, VisitStatus.Action.RECORD);
        FieldErrors.Builder errors = new FieldErrors.Builder();
        LocalDate day = day(r.visitedOn(), "visitedOn", "走访日期", errors);
        if (day != null && day.isAfter(clock.today())) {
            errors.add("visitedOn", "走访日期不能晚于今天。");
        }
        String findings = r.findings() == null ? "" : r.findings().strip();
        if (findings.isEmpty()) {
            errors.add("findings", "请填写走访发现。");
        } else if (findings.length() > 5000) {
            errors.add("findings", "走访发现最多 5000 字。");
        }
        errors.throwIfAny();
        v.visitedOn = day;
        v.participants = r.participants() == null ? "" : r.participants().strip();
        v.findings = findings;
        v.policiesExplained = r.policiesExplained() == null ? "" : r.policiesExplained().strip();
        v.status = v.status.after(VisitStatus.Action.RECORD).orElseThrow();
        return v;
    }

    @Transactional
    public Visit cancel(long id, long version) {
        Visit v = load(id, version, VisitStatus.Action.CANCEL);
        v.status = v.status.after(VisitStatus.Action.CANCEL).orElseThrow();
        return v;
    }

    /** A need the enterprise voiced on the visit, submitted on its behalf (source 走访). */
    public Need raiseNeed(long id, String category, String title, String description, String actor) {
        Visit v = io.quarkus.narayana.jta.QuarkusTransaction.requiringNew().call(() -> Visit.<Visit>findById(id));
        if (v == null) {
            throw new NotFoundException();
        }
        if (!v.status.allows(VisitStatus.Action.RAISE_NEED)) {
            throw new ConflictException("走访当前状态为" + v.status.label + "，请先记录走访情况再代为提交需求。");
        }
        Need need = needs.submitFromVisit(v.enterpriseSubject, new NeedSubmission.Submission(category, title,
                description, "", null, null, true), actor + "（走访）")
                .orElseThrow(() -> new ConflictException("该企业的账号已没有企业信息，不能代为提交需求。"));
        io.quarkus.narayana.jta.QuarkusTransaction.requiringNew().run(() -> {
            VisitNeed link = new VisitNeed();
            link.visitId = id;
            link.needId = need.id;
            link.trackingNo = need.trackingNo;
            link.createdAt = Instant.now();
            link.persist();
        });
        return need;
    }

    private static Visit load(long id, long version, VisitStatus.Action action) {
        Visit v = Visit.findById(id);
        if (v == null) {
            throw new NotFoundException();
        }
        if (v.version != version) {
            throw new ConflictException("该走访记录已被其他人修改，请重新打开页面后再试。");
        }
        if (!v.status.allows(action)) {
            throw new ConflictException("走访当前状态为" + v.status.label + "，不能" + action.label + "。");
        }
        return v;
    }

    private static LocalDate day(String value, String field, String label, FieldErrors.Builder errors) {
        if (value == null || value.isBlank()) {
            errors.add(field, "请填写" + label + "。");
            return null;
        }
        try {
            return LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            errors.add(field, label + "格式应为 年-月-日，如 2026-12-10。");
            return null;
        }
    }
}
