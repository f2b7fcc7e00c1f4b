package cn.keyida.portal.content;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/** The editable fields, in import-format names, with their Chinese labels: drives the staff form. */
public final class ContentFields {

    public enum Kind { TEXT, TEXTAREA, LONGTEXT, DATE, LIST, LINES, LEVEL }

    public record Field(String name, String label, Kind kind, Set<ContentType> types, String hint) {
        public boolean appliesTo(ContentType type) {
            return types.contains(type);
        }

        public boolean isRequired() {
            return "title".equals(name);
        }
    }

    private static final Set<ContentType> ALL = EnumSet.allOf(ContentType.class);
    private static final Set<ContentType> POLICY = EnumSet.of(ContentType.POLICY);
    private static final Set<ContentType> FINANCE = EnumSet.of(ContentType.FINANCE);
    private static final Set<ContentType> TALENT = EnumSet.of(ContentType.TALENT);
    private static final Set<ContentType> ACHIEVEMENT = EnumSet.of(ContentType.ACHIEVEMENT);
    private static final Set<ContentType> DEMAND = EnumSet.of(ContentType.DEMAND);

    public static final List<Field> FIELDS = List.of(
            new Field("title", "标题", Kind.TEXT, ALL, "必填，最多 500 字"),
            new Field("summary", "摘要", Kind.TEXTAREA, ALL, "1–3 句话"),
            new Field("body", "正文", Kind.LONGTEXT, ALL, "纯文本按段落显示；含 HTML 标记时会自动清除不安全内容"),
            new Field("tags", "关键词", Kind.LIST, ALL, "用逗号或顿号分隔"),
            new Field("level", "层级", Kind.LEVEL, ALL, ""),
            new Field("region", "适用地区", Kind.TEXT, ALL, "如：广元市、四川省、全国"),
            new Field("publish_date", "发布日期", Kind.DATE, ALL, ""),
            new Field("doc_number", "文号", Kind.TEXT, POLICY, ""),
            new Field("issuer", "发布机关", Kind.TEXT, POLICY, ""),
            new Field("category", "类别", Kind.TEXT, POLICY, "如：高新技术企业认定、创新券"),
            new Field("effective_date", "生效日期", Kind.DATE, POLICY, ""),
            new Field("expiry_date", "失效日期", Kind.DATE, POLICY, "到期前 90 天显示“即将失效”"),
            new Field("supersedes", "替代的政策（标识）", Kind.TEXT, POLICY, "被本文件替代的旧政策的标识，可留空"),
            new Field("interprets", "解读的政策（标识）", Kind.TEXT, POLICY, "本文是对哪项政策的解读，可留空"),
            new Field("product_type", "产品类型", Kind.TEXT, FINANCE, ""),
            new Field("provider", "提供机构", Kind.TEXT, FINANCE, ""),
            new Field("eligibility", "申请条件", Kind.TEXTAREA, FINANCE, ""),
            new Field("terms", "产品条款", Kind.TEXTAREA, FINANCE, ""),
            new Field("program_type", "项目类型", Kind.TEXT, TALENT, ""),
            new Field("organizer", "组织单位", Kind.TEXT, TALENT, ""),
            new Field("scale", "规模", Kind.TEXT, TALENT, ""),
            new Field("contact", "联系方式", Kind.TEXTAREA, TALENT, "个人信息：仅登录用户可见，不进入搜索"),
            new Field("holder", "成果持有方", Kind.TEXT, ACHIEVEMENT, ""),
            new Field("field", "技术领域", Kind.TEXT, EnumSet.of(ContentType.ACHIEVEMENT, ContentType.DEMAND), ""),
            new Field("maturity", "成熟度", Kind.TEXT, ACHIEVEMENT, ""),
            new Field("transfer_mode", "转化方式", Kind.TEXT, ACHIEVEMENT, ""),
            new Field("award", "获奖情况", Kind.TEXT, ACHIEVEMENT, ""),
            new Field("demander", "需求方", Kind.TEXT, DEMAND, ""),
            new Field("budget", "预算", Kind.TEXT, DEMAND, ""),
            new Field("mode", "合作方式", Kind.TEXT, DEMAND, ""),
            new Field("deadline", "截止日期", Kind.DATE, DEMAND, ""),
            new Field("source", "来源网址", Kind.TEXT, ALL, ""),
            new Field("source_extra", "其他来源", Kind.LINES, ALL, "每行一条"),
            new Field("source_note", "来源说明", Kind.TEXT, ALL, ""));

    private ContentFields() {}

    public static String label(String name) {
        if ("status".equals(name)) {
            return "状态";
        }
        return FIELDS.stream().filter(f -> f.name().equals(name)).map(Field::label).findFirst().orElse(name);
    }

    public static List<Field> forType(ContentType type) {
        return FIELDS.stream().filter(f -> f.appliesTo(type)).toList();
    }
}
