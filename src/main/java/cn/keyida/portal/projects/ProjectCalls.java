package cn.keyida.portal.projects;

import cn.keyida.portal.common.PortalClock;
import cn.keyida.portal.enterprise.EnterpriseProfile;
import cn.keyida.portal.techfield.TechFields;
import cn.keyida.portal.web.FieldErrors;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.NotFoundException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;

/** Staff create, publish and close calls (申报指南). */
@ApplicationScoped
public class ProjectCalls {

    public record CallInput(String programme, String title, String description, List<String> fields,
            String totalBudget, String maxGrant, String applyFrom, String applyTo, List<String> qualifications,
            List<String> districts, List<String> requiredFiles, List<String> criteriaNames, List<String> criteriaWeights,
            String reviewersPerField, String reviewDays, String publicityDays) {}

    public static final List<String> PROGRAMMES = List.of("重点研发计划", "科技成果转移转化", "创新平台建设", "软科学研究",
            "农业科技创新");

    private final PortalClock clock;
    private final TechFields techFields;

    ProjectCalls(PortalClock clock, TechFields techFields) {
        this.clock = clock;
        this.techFields = techFields;
    }

    @Transactional
    public ProjectCall create(CallInput in, String actor) {
        ProjectCall c = new ProjectCall();
        fill(c, in);
        c.status = CallStatus.DRAFT;
        c.createdBy = actor;
        c.persist();
        return c;
    }

    @Transactional
    public ProjectCall move(long id, long version, CallStatus.Action action) {
        ProjectCall c = ProjectCall.findById(id);
        if (c == null) {
            throw new NotFoundException();
        }
        if (c.version != version) {
            throw ProjectConflictException.stale();
        }
        c.status = c.status.after(action).orElseThrow(() -> new ProjectConflictException(
                "申报指南当前状态为“" + c.status.label + "”，不能" + action.label + "。"));
        ProjectCall.getEntityManager().flush();
        return c;
    }

    private void fill(ProjectCall c, CallInput in) {
        FieldErrors.Builder e = new FieldErrors.Builder();
        String programme = ProjectInput.text(e, "programme", "计划类别", in.programme(), 100, true);
        if (!programme.isEmpty() && !PROGRAMMES.contains(programme)) {
            e.add("programme", "计划类别无效");
        }
        String title = ProjectInput.text(e, "title", "指南名称", in.title(), 200, true);
        String description = ProjectInput.text(e, "description", "指南说明", in.description(), 4000, false);
        List<String> fields = in.fields() == null ? List.of() : in.fields().stream().distinct().toList();
        if (fields.isEmpty()) {
            e.add("fields", "请至少选择一个技术领域");
        } else if (fields.stream().anyMatch(f -> techFields.find(f).isEmpty())) {
            e.add("fields", "技术领域无效");
        }
        BigDecimal total = ProjectInput.money(e, "totalBudget", "指南总预算", in.totalBudget(), ProjectInput.BUDGET_MAX, false);
        BigDecimal max = ProjectInput.money(e, "maxGrant", "单项资助上限", in.maxGrant(), ProjectInput.AMOUNT_MAX, false);
        if (total != null && max != null && max.compareTo(total) > 0) {
            e.add("maxGrant", "单项资助上限不能超过指南总预算");
        }
        LocalDate from = ProjectInput.date(e, "applyFrom", "申报开始日期", in.applyFrom());
        LocalDate to = ProjectInput.date(e, "applyTo", "申报截止日期", in.applyTo());
        if (from != null && to != null && to.isBefore(from)) {
            e.add("applyTo", "申报截止日期不能早于开始日期");
        } else if (to != null && to.isBefore(clock.today())) {
            e.add("applyTo", "申报截止日期已过");
        }
        List<String> quals = in.qualifications() == null ? List.of() : in.qualifications();
        if (!EnterpriseProfile.QUALIFICATIONS.containsAll(quals)) {
            e.add("qualifications", "企业资质条件无效");
        }
        List<String> districts = in.districts() == null ? List.of() : in.districts();
        if (!EnterpriseProfile.DISTRICTS.containsAll(districts)) {
            e.add("districts", "区县条件无效");
        }
        List<String> files = in.requiredFiles() == null ? List.of() : in.requiredFiles().stream().distinct().toList();
        if (files.stream().anyMatch(f -> FileKind.of(f).isEmpty())) {
            e.add("requiredFiles", "附件类型无效");
        }
        List<ProjectCall.Criterion> criteria = criteria(e, in.criteriaNames(), in.criteriaWeights());
        Integer reviewers = ProjectInput.number(e, "reviewersPerField", "每个领域评审专家人数", in.reviewersPerField(), 1, 15);
        Integer reviewDays = ProjectInput.number(e, "reviewDays", "评审期限（工作日）",
                blank(in.reviewDays()) ? "10" : in.reviewDays(), 1, 60);
        Integer publicityDays = ProjectInput.number(e, "publicityDays", "公示期（工作日）",
                blank(in.publicityDays()) ? "5" : in.publicityDays(), 1, 30);
        e.throwIfAny();
        c.programme = programme;
        c.title = title;
        c.description = description;
        c.fields = String.join(",", fields);
        c.totalBudget = total;
        c.maxGrant = max;
        c.applyFrom = from;
        c.applyTo = to;
        c.requiredQualifications = String.join(",", quals);
        c.districts = String.join(",", districts);
        c.requiredFiles = String.join(",", files);
        c.criteria = criteria;
        c.reviewersPerField = reviewers;
        c.reviewDays = reviewDays;
        c.publicityDays = publicityDays;
    }

    /** Criteria rows: a name and an integer weight each; the weights sum to 100. */
    static List<ProjectCall.Criterion> criteria(FieldErrors.Builder e, List<String> names, List<String> weights) {
        List<ProjectCall.Criterion> out = new ArrayList<>();
        int n = Math.max(names == null ? 0 : names.size(), weights == null ? 0 : weights.size());
        int sum = 0;
        boolean bad = false;
        HashSet<String> seen = new HashSet<>();
        for (int i = 0; i < n; i++) {
            String name = names == null || i >= names.size() || names.get(i) == null ? "" : names.get(i).strip();
            String weight = weights == null || i >= weights.size() || weights.get(i) == null ? "" : weights.get(i).strip();
            if (name.isEmpty() && weight.isEmpty()) {
                continue;
            }
            String no = "第 " + (i + 1) + " 项";
            String nm = ProjectInput.text(e, "criterionName" + i, no + "评分指标", name, 50, true);
            Integer w = ProjectInput.number(e, "criterionWeight" + i, no + "权重", weight, 1, 100);
            if (!nm.isEmpty() && !seen.add(nm)) {
                e.add("criterionName" + i, no + "评分指标重复");
            }
            if (w == null || nm.isEmpty()) {
                bad = true;
                continue;
            }
            sum += w;
            out.add(new ProjectCall.Criterion(nm, w));
        }
        if (out.isEmpty() && !bad) {
            e.add("criteria", "请至少填写一项评分指标");
        } else if (!bad && sum != 100) {
            e.add("criteria", "评分指标权重合计应为 100，当前为 " + sum);
        }
        return out;
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
