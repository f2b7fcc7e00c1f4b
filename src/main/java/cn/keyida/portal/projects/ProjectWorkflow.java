package cn.keyida.portal.projects;

import cn.keyida.portal.calendar.WorkingCalendar;
import cn.keyida.portal.common.PortalClock;
import cn.keyida.portal.enterprise.EnterpriseProfile;
import cn.keyida.portal.market.InstitutionProfile;
import cn.keyida.portal.market.InstitutionService;
import cn.keyida.portal.matching.Eligibility;
import cn.keyida.portal.matching.Facts;
import cn.keyida.portal.matching.Matcher;
import cn.keyida.portal.web.FieldErrors;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.NotFoundException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Applications from the applicant's draft to acceptance (验收). Every change checks the transition table
 * ({@link ProjectStatus}) and the version the user saw (409 otherwise), writes a timeline entry and queues
 * its mails, in one transaction. Input errors are thrown before anything is written.
 */
@ApplicationScoped
public class ProjectWorkflow {

    public record ApplicationInput(String fieldCode, String title, String summary, String requestedAmount,
            String selfFunding, String contactPerson, String contactMobile, List<String> budgetItems,
            List<String> budgetAmounts, List<String> memberNames, List<String> memberTitles,
            List<String> memberOrganisations, List<String> memberRoles) {}

    /** Who applies: an enterprise (with its profile) or an institution (with its market profile). */
    public record Applicant(ProjectApplication.ApplicantKind kind, String subject, String name, String email,
            EnterpriseProfile enterprise) {}

    private final PortalClock clock;
    private final WorkingCalendar calendar;
    private final ProjectMails mails;
    private final ProjectsConfig config;
    private final InstitutionService institutions;

    ProjectWorkflow(PortalClock clock, WorkingCalendar calendar, ProjectMails mails, ProjectsConfig config,
            InstitutionService institutions) {
        this.clock = clock;
        this.calendar = calendar;
        this.mails = mails;
        this.config = config;
        this.institutions = institutions;
    }

    /** The applicant behind a subject: its enterprise profile, or as an institution its institution profile. */
    @Transactional
    public Optional<Applicant> applicant(String subject, boolean institution) {
        if (!institution) {
            return EnterpriseProfile.findBySubject(subject).map(p -> new Applicant(
                    ProjectApplication.ApplicantKind.ENTERPRISE, subject, p.name, p.mailAddress(), p));
        }
        return institutions.find(subject).map((InstitutionProfile p) -> new Applicant(
                ProjectApplication.ApplicantKind.INSTITUTION, subject, p.name, p.email, null));
    }

    // ------------------------------------------------------------------ applicant

    /** A new application (a draft, or submitted at once when {@code submit}). */
    @Transactional
    public ProjectApplication create(Applicant who, long callId, ApplicationInput in, Map<FileKind, ProjectInput.Upload> files,
            boolean submit, String actor) {
        ProjectCall call = ProjectCall.findById(callId);
        if (call == null || call.status == CallStatus.DRAFT) {
            throw new NotFoundException();
        }
        FieldErrors.Builder e = new FieldErrors.Builder();
        if (!call.acceptsApplications(clock.today())) {
            e.add("call", "本指南不在申报时间内（" + call.applyFrom + " 至 " + call.applyTo + "）");
        }
        Form f = validate(e, call, in, files);
        if (submit) {
            checkSubmission(e, call, who.enterprise(), f.files.keySet());
        }
        e.throwIfAny();
        ProjectApplication a = new ProjectApplication();
        a.callId = call.id;
        a.applicantKind = who.kind();
        a.applicantSubject = who.subject();
        a.applicantName = who.name();
        a.applicantEmail = who.email();
        a.status = ProjectStatus.DRAFT;
        a.year = clock.today().getYear();
        apply(a, f);
        a.persist();
        store(a, f);
        ProjectEvent.record(a, actor, "创建申报书", null, "", true);
        if (submit) {
            submitNow(a, actor);
        }
        return a;
    }

    /** Saves the form of the applicant's draft or returned application; submits it too when {@code submit}. */
    @Transactional
    public ProjectApplication edit(String subject, long id, long version, ApplicationInput in,
            Map<FileKind, ProjectInput.Upload> files, boolean submit, String actor) {
        ProjectApplication a = own(subject, id, version);
        require(a, ProjectAction.EDIT);
        ProjectCall call = ProjectCall.findById(a.callId);
        FieldErrors.Builder e = new FieldErrors.Builder();
        Form f = validate(e, call, in, files);
        if (submit) {
            Set<FileKind> have = EnumSet.noneOf(FileKind.class);
            ProjectFile.<ProjectFile>list("applicationId", a.id).forEach(x -> have.add(x.kind));
            have.addAll(f.files.keySet());
            checkSubmission(e, call, enterpriseOf(a), have);
            checkStillOpen(e, a, call);
        }
        e.throwIfAny();
        apply(a, f);
        BudgetLine.delete("applicationId", a.id);
        TeamMember.delete("applicationId", a.id);
        for (FileKind k : f.files.keySet()) {
            ProjectFile.delete("applicationId = ?1 and kind = ?2", a.id, k);
        }
        store(a, f);
        if (submit) {
            submitNow(a, actor);
        } else {
            ProjectEvent.record(a, actor, "保存申报书", a.status, "", true);
        }
        return a;
    }

    /** Submits (or, after 退回补正, resubmits) what is stored, checking it as the form would. */
    @Transactional
    public ProjectApplication submit(String subject, long id, long version, String actor) {
        ProjectApplication a = own(subject, id, version);
        ProjectCall call = ProjectCall.findById(a.callId);
        require(a, a.status == ProjectStatus.CORRECTION ? ProjectAction.RESUBMIT : ProjectAction.SUBMIT);
        FieldErrors.Builder e = new FieldErrors.Builder();
        Set<FileKind> have = EnumSet.noneOf(FileKind.class);
        ProjectFile.<ProjectFile>list("applicationId", a.id).forEach(x -> have.add(x.kind));
        checkSubmission(e, call, enterpriseOf(a), have);
        checkStillOpen(e, a, call);
        e.throwIfAny();
        submitNow(a, actor);
        return a;
    }

    @Transactional
    public ProjectApplication withdraw(String subject, long id, long version, String actor) {
        ProjectApplication a = own(subject, id, version);
        ProjectStatus from = move(a, ProjectAction.WITHDRAW);
        ProjectEvent.record(a, actor, "撤回申报", from, "", true);
        if (from != ProjectStatus.DRAFT) {
            mails.toStaff(a, "申报单位撤回了申报", "");
        }
        return a;
    }

    private void checkStillOpen(FieldErrors.Builder e, ProjectApplication a, ProjectCall call) {
        LocalDate today = clock.today();
        if (a.status == ProjectStatus.CORRECTION) {
            if (a.correctionDue != null && today.isAfter(a.correctionDue)) {
                throw new ProjectConflictException("补正期限（" + a.correctionDue + "）已过，不能再提交补正材料，请联系科技局。");
            }
        } else if (!call.acceptsApplications(today)) {
            e.add("call", "本指南不在申报时间内（" + call.applyFrom + " 至 " + call.applyTo + "）");
        }
    }

    private void submitNow(ProjectApplication a, String actor) {
        boolean resubmit = a.status == ProjectStatus.CORRECTION;
        ProjectStatus from = move(a, resubmit ? ProjectAction.RESUBMIT : ProjectAction.SUBMIT);
        a.submittedAt = clock.now();
        ProjectEvent.record(a, actor, resubmit ? "补正后重新提交" : "提交申报", from, "", true);
        mails.toApplicant(a, resubmit ? "补正材料已提交" : "申报已提交", "申请资助 " + ProjectInput.yuan(a.requestedAmount));
        mails.toStaff(a, resubmit ? "收到补正材料" : "收到新的申报", "申请资助 " + ProjectInput.yuan(a.requestedAmount));
    }

    private record Form(String field, String title, String summary, BudgetTable.Result budget, String contact,
            String mobile, List<TeamMember> team, Map<FileKind, ProjectInput.Upload> files) {}

    private static Form validate(FieldErrors.Builder e, ProjectCall call, ApplicationInput in,
            Map<FileKind, ProjectInput.Upload> uploads) {
        String field = in.fieldCode() == null ? "" : in.fieldCode().strip();
        if (field.isEmpty()) {
            e.add("fieldCode", "请选择技术领域");
        } else if (!call.fieldList().contains(field)) {
            e.add("fieldCode", "本指南不支持所选技术领域");
        }
        String title = ProjectInput.text(e, "title", "项目名称", in.title(), 200, true);
        String summary = ProjectInput.text(e, "summary", "项目简介", in.summary(), 4000, true);
        BudgetTable.Result budget = BudgetTable.parse(e, in.budgetItems(), in.budgetAmounts(), in.requestedAmount(),
                in.selfFunding(), call.maxGrant, call.totalBudget);
        String contact = ProjectInput.text(e, "contactPerson", "联系人", in.contactPerson(), 50, true);
        String mobile = ProjectInput.text(e, "contactMobile", "联系电话", in.contactMobile(), 20, true);
        if (!mobile.isEmpty() && !mobile.matches("[0-9+\\- ]{7,20}")) {
            e.add("contactMobile", "联系电话格式不正确");
        }
        List<TeamMember> team = new ArrayList<>();
        int n = in.memberNames() == null ? 0 : in.memberNames().size();
        for (int i = 0; i < n; i++) {
            String name = at(in.memberNames(), i);
            String t = at(in.memberTitles(), i);
            String org = at(in.memberOrganisations(), i);
            String role = at(in.memberRoles(), i);
            if (name.isBlank() && t.isBlank() && org.isBlank() && role.isBlank()) {
                continue;
            }
            String no = "团队第 " + (i + 1) + " 行";
            TeamMember m = new TeamMember();
            m.name = ProjectInput.text(e, "memberName" + i, no + "姓名", name, 50, true);
            m.title = ProjectInput.text(e, "memberTitle" + i, no + "职称", t, 50, false);
            m.organisation = ProjectInput.text(e, "memberOrganisation" + i, no + "单位", org, 200, false);
            m.role = ProjectInput.text(e, "memberRole" + i, no + "分工", role, 100, false);
            m.position = team.size();
            team.add(m);
        }
        if (team.isEmpty()) {
            e.add("team", "请至少填写一名项目团队成员（项目负责人）");
        } else if (team.size() > 30) {
            e.add("team", "项目团队最多 30 人");
        }
        Map<FileKind, ProjectInput.Upload> files = new LinkedHashMap<>();
        if (uploads != null) {
            for (var u : uploads.entrySet()) {
                ProjectInput.document(e, "file" + u.getKey().name(), u.getKey().label, u.getValue())
                        .ifPresent(x -> files.put(u.getKey(), x));
            }
        }
        return new Form(field, title, summary, budget, contact, mobile, team, files);
    }

    /** Required attachments present and, for an enterprise, the call's conditions met (the calculator's kinds). */
    private void checkSubmission(FieldErrors.Builder e, ProjectCall call, EnterpriseProfile enterprise, Set<FileKind> have) {
        for (FileKind k : call.requiredFileKinds()) {
            if (!have.contains(k)) {
                e.add("file" + k.name(), "请上传" + k.label + "（PDF、JPG 或 PNG）");
            }
        }
        if (enterprise != null) {
            List<Matcher.Check> unmet = Matcher.evaluate(Eligibility.unsaved(call.qualificationList(), call.districtList()),
                    Facts.of(enterprise), clock.today()).unmet();
            if (!unmet.isEmpty()) {
                e.add("call", "不符合本指南申报条件：" + String.join("；",
                        unmet.stream().map(c -> c.condition() + "（" + c.detail() + "）").toList()));
            }
        }
    }

    private static void apply(ProjectApplication a, Form f) {
        a.fieldCode = f.field;
        a.title = f.title;
        a.summary = f.summary;
        a.requestedAmount = f.budget.requested();
        a.selfFunding = f.budget.selfFunding();
        a.contactPerson = f.contact;
        a.contactMobile = f.mobile;
    }

    private static void store(ProjectApplication a, Form f) {
        int i = 0;
        for (BudgetTable.Row r : f.budget.rows()) {
            BudgetLine l = new BudgetLine();
            l.applicationId = a.id;
            l.position = i++;
            l.item = r.item();
            l.amount = r.amount();
            l.persist();
        }
        for (TeamMember m : f.team) {
            m.applicationId = a.id;
            m.persist();
        }
        for (var u : f.files.entrySet()) {
            ProjectFile pf = new ProjectFile();
            pf.applicationId = a.id;
            pf.kind = u.getKey();
            pf.fileName = u.getValue().fileName();
            pf.contentType = ProjectInput.contentType(u.getValue());
            pf.data = u.getValue().data();
            pf.persist();
        }
    }

    private static String at(List<String> l, int i) {
        return l == null || i >= l.size() || l.get(i) == null ? "" : l.get(i);
    }

    // ------------------------------------------------------------------ staff: formal review and decisions

    @Transactional
    public ProjectApplication startFormalReview(long id, long version, String actor) {
        ProjectApplication a = load(id, version);
        ProjectStatus from = move(a, ProjectAction.START_FORMAL_REVIEW);
        ProjectEvent.record(a, actor, "开始形式审查", from, "", true);
        mails.toApplicant(a, "进入形式审查", "");
        return a;
    }

    @Transactional
    public ProjectApplication passFormalReview(long id, long version, String note, String actor) {
        ProjectApplication a = load(id, version);
        FieldErrors.Builder e = new FieldErrors.Builder();
        String n = ProjectInput.text(e, "note", "审查意见", note, 2000, false);
        e.throwIfAny();
        ProjectStatus from = move(a, ProjectAction.PASS_FORMAL_REVIEW);
        ProjectEvent.record(a, actor, "形式审查通过", from, n, true);
        mails.toApplicant(a, "形式审查通过", "下一步将由随机抽取的专家进行评审。");
        return a;
    }

    /** 退回补正: the reasons, and a deadline of {@code days} working days (the configured default when blank). */
    @Transactional
    public ProjectApplication returnForCorrection(long id, long version, String reason, String days, String actor) {
        ProjectApplication a = load(id, version);
        FieldErrors.Builder e = new FieldErrors.Builder();
        String r = ProjectInput.text(e, "reason", "补正要求", reason, 2000, true);
        Integer d = ProjectInput.number(e, "days", "补正期限（工作日）",
                days == null || days.isBlank() ? String.valueOf(config.correctionDays()) : days, 1, 30);
        e.throwIfAny();
        ProjectStatus from = move(a, ProjectAction.RETURN_FOR_CORRECTION);
        a.correctionReason = r;
        a.correctionDue = calendar.fromToday(d);
        ProjectEvent.record(a, actor, "退回补正", from, r + "（请于 " + a.correctionDue + " 前补正）", true);
        mails.toApplicant(a, "退回补正", "补正要求：" + r + "\n请于 " + a.correctionDue + "（" + d + " 个工作日内）提交补正材料。");
        return a;
    }

    @Transactional
    public ProjectApplication failFormalReview(long id, long version, String reason, String actor) {
        ProjectApplication a = load(id, version);
        String r = reason(reason, "不通过理由");
        ProjectStatus from = move(a, ProjectAction.FAIL_FORMAL_REVIEW);
        a.decisionNote = r;
        ProjectEvent.record(a, actor, "形式审查不通过", from, r, true);
        mails.toApplicant(a, "形式审查未通过", "理由：" + r);
        return a;
    }

    /** 拟立项 or 不予立项, once every reviewer who still counts has submitted scores. */
    @Transactional
    public ProjectApplication decide(long id, long version, boolean propose, String note, String actor) {
        ProjectApplication a = load(id, version);
        ProjectAction action = propose ? ProjectAction.PROPOSE : ProjectAction.REJECT;
        require(a, action);
        List<ProjectReview> active = ProjectReview.<ProjectReview>of(a.id).stream().filter(r -> r.status.active()).toList();
        if (active.isEmpty() || active.stream().anyMatch(r -> r.status != ProjectReview.Status.SUBMITTED)) {
            throw new ProjectConflictException("尚有评审专家未提交评分，不能作出立项决定。");
        }
        String n = propose ? text(note, "决定说明", false) : reason(note, "不予立项理由");
        ProjectStatus from = move(a, action);
        a.decisionNote = n;
        ProjectEvent.record(a, actor, action.label, from, n, true);
        mails.toApplicant(a, propose ? "拟立项" : "不予立项", n.isEmpty() ? "" : "说明：" + n);
        return a;
    }

    /** Puts every 拟立项 application of the call on 公示 from today for the call's period in working days. */
    @Transactional
    public int startPublicity(long callId, String actor) {
        ProjectCall call = ProjectCall.findById(callId);
        if (call == null) {
            throw new NotFoundException();
        }
        List<ProjectApplication> proposed = ProjectApplication.list("callId = ?1 and status = ?2 order by id", callId,
                ProjectStatus.PROPOSED);
        if (proposed.isEmpty()) {
            throw new ProjectConflictException("本指南没有拟立项的申报，无需公示。");
        }
        LocalDate today = clock.today();
        LocalDate until = calendar.load().addWorkingDays(today, call.publicityDays);
        for (ProjectApplication a : proposed) {
            ProjectStatus from = move(a, ProjectAction.START_PUBLICITY);
            a.publicityFrom = today;
            a.publicityUntil = until;
            ProjectEvent.record(a, actor, "公示", from, "公示期 " + today + " 至 " + until + "（" + call.publicityDays + " 个工作日）", true);
            mails.toApplicant(a, "进入公示", "公示期 " + today + " 至 " + until + "。");
        }
        return proposed.size();
    }

    /** After the 公示 period, with no objection open or upheld: 立项. */
    @Transactional
    public ProjectApplication conclude(long id, long version, String actor) {
        ProjectApplication a = load(id, version);
        concludeNow(a, actor);
        return a;
    }

    boolean concludeNow(ProjectApplication a, String actor) {
        require(a, ProjectAction.APPROVE);
        if (!clock.today().isAfter(a.publicityUntil)) {
            throw new ProjectConflictException("公示期至 " + a.publicityUntil + "，公示期满后才能立项。");
        }
        if (ProjectObjection.count("applicationId = ?1 and status = ?2", a.id, ProjectObjection.Status.OPEN) > 0) {
            throw new ProjectConflictException("尚有未处理的异议，处理完毕后才能立项。");
        }
        ProjectStatus from = move(a, ProjectAction.APPROVE);
        ProjectEvent.record(a, actor, "立项", from, "公示期满，无异议成立", true);
        mails.toApplicant(a, "已立项", "");
        return true;
    }

    /** Staff steps after 立项: 中期检查, 验收 (通过 / 不通过 / 延期), each with a note. */
    @Transactional
    public ProjectApplication progress(long id, long version, ProjectAction action, String note, String actor) {
        if (!EnumSet.of(ProjectAction.START_MIDTERM, ProjectAction.START_ACCEPTANCE, ProjectAction.PASS_ACCEPTANCE,
                ProjectAction.FAIL_ACCEPTANCE, ProjectAction.EXTEND).contains(action)) {
            throw new NotFoundException();
        }
        ProjectApplication a = load(id, version);
        boolean reasonNeeded = action == ProjectAction.FAIL_ACCEPTANCE || action == ProjectAction.EXTEND;
        String n = reasonNeeded ? reason(note, "说明") : text(note, "说明", false);
        ProjectStatus from = move(a, action);
        ProjectEvent.record(a, actor, action.label, from, n, true);
        mails.toApplicant(a, action.label, n);
        return a;
    }

    // ------------------------------------------------------------------ 公示 objections

    /** Anyone logged in objects to an application on 公示, within the period only. */
    @Transactional
    public ProjectObjection object(long applicationId, String subject, String name, String text) {
        ProjectApplication a = ProjectApplication.findById(applicationId);
        if (a == null || a.publicityFrom == null) {
            throw new NotFoundException();
        }
        FieldErrors.Builder e = new FieldErrors.Builder();
        if (a.status != ProjectStatus.PUBLICITY || clock.today().isAfter(a.publicityUntil)) {
            e.add("text", "该项目的公示期已于 " + a.publicityUntil + " 结束，不能再提出异议");
        }
        String t = ProjectInput.text(e, "text", "异议内容", text, 2000, true);
        e.throwIfAny();
        ProjectObjection o = new ProjectObjection();
        o.applicationId = a.id;
        o.subject = subject;
        o.name = name == null || name.isBlank() ? "匿名用户" : name;
        o.text = t;
        o.status = ProjectObjection.Status.OPEN;
        o.at = clock.now();
        o.persist();
        ProjectEvent.record(a, o.name, "收到异议", a.status, t, false);
        mails.toStaff(a, "公示期间收到异议", t);
        return o;
    }

    /** Staff decide an objection: upheld → 不予立项 (with the reply as the reason); dismissed → the 公示 goes on. */
    @Transactional
    public ProjectObjection handleObjection(long objectionId, long version, boolean upheld, String reply, String actor) {
        ProjectObjection o = ProjectObjection.findById(objectionId);
        if (o == null) {
            throw new NotFoundException();
        }
        if (o.version != version) {
            throw ProjectConflictException.stale();
        }
        if (o.status != ProjectObjection.Status.OPEN) {
            throw new ProjectConflictException("该异议已处理（" + o.status.label + "）。");
        }
        String r = reason(reply, "处理意见");
        ProjectApplication a = ProjectApplication.findById(o.applicationId);
        o.status = upheld ? ProjectObjection.Status.UPHELD : ProjectObjection.Status.DISMISSED;
        o.reply = r;
        o.handledBy = actor;
        o.handledAt = clock.now();
        if (upheld) {
            ProjectStatus from = move(a, ProjectAction.OBJECTION_UPHELD);
            a.decisionNote = r;
            ProjectEvent.record(a, actor, "异议成立，不予立项", from, r, true);
            mails.toApplicant(a, "公示异议成立，不予立项", "处理意见：" + r);
        } else {
            ProjectEvent.record(a, actor, "异议不成立", a.status, r, false);
        }
        ProjectObjection.getEntityManager().flush();
        return o;
    }

    // ------------------------------------------------------------------ daily

    /**
     * Applications whose 公示 ended before {@code today} without an open objection become 立项; rows are
     * claimed with SKIP LOCKED, so every instance may run it.
     */
    @Transactional
    int concludePublicity(LocalDate today) {
        @SuppressWarnings("unchecked")
        List<Long> ids = ProjectApplication.getEntityManager().createNativeQuery(
                "select id from project_application a where status = 'PUBLICITY' and publicity_until < :d"
                        + " and not exists (select 1 from project_objection o where o.application_id = a.id and o.status = 'OPEN')"
                        + " order by id for update skip locked")
                .setParameter("d", today).getResultList().stream().map(x -> ((Number) x).longValue()).toList();
        for (long id : ids) {
            concludeNow(ProjectApplication.findById(id), "系统");
        }
        return ids.size();
    }

    // ------------------------------------------------------------------ helpers

    private static String reason(String value, String label) {
        return text(value, label, true);
    }

    private static String text(String value, String label, boolean required) {
        FieldErrors.Builder e = new FieldErrors.Builder();
        String r = ProjectInput.text(e, "reason", label, value, 2000, required);
        e.throwIfAny();
        return r;
    }

    static ProjectApplication load(long id, long version) {
        ProjectApplication a = ProjectApplication.findById(id);
        if (a == null) {
            throw new NotFoundException();
        }
        if (a.version != version) {
            throw ProjectConflictException.stale();
        }
        return a;
    }

    private static ProjectApplication own(String subject, long id, long version) {
        ProjectApplication a = ProjectApplication.findById(id);
        if (a == null || !a.applicantSubject.equals(subject)) {
            throw new NotFoundException();
        }
        return load(id, version);
    }

    static void require(ProjectApplication a, ProjectAction action) {
        if (!a.status.allows(action)) {
            throw new ProjectConflictException("申报当前状态为“" + a.status.label + "”，不能" + action.label + "。");
        }
    }

    static ProjectStatus move(ProjectApplication a, ProjectAction action) {
        require(a, action);
        ProjectStatus from = a.status;
        a.status = from.after(action).orElseThrow();
        return from;
    }

    /** The applicant's enterprise profile, whose facts the call's conditions are checked on; none for an institution. */
    private static EnterpriseProfile enterpriseOf(ProjectApplication a) {
        return a.applicantKind == ProjectApplication.ApplicantKind.ENTERPRISE
                ? EnterpriseProfile.findBySubject(a.applicantSubject).orElse(null) : null;
    }
}
