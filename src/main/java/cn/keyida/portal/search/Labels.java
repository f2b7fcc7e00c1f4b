package cn.keyida.portal.search;

import java.util.Map;

/** Chinese names of facets and of their coded values. */
final class Labels {

    private static final Map<String, String> FACETS = Map.ofEntries(
            Map.entry("type", "类型"), Map.entry("level", "层级"), Map.entry("region", "地区"),
            Map.entry("owner", "发布/提供单位"), Map.entry("category", "类别"), Map.entry("year", "年份"),
            Map.entry("validity", "有效性"), Map.entry("when", "活动时间"), Map.entry("mode", "合作/转化方式"),
            Map.entry("maturity", "技术成熟度"), Map.entry("band", "预算/价格"));

    private static final Map<String, String> VALUES = Map.ofEntries(
            Map.entry("type:policy", "科技政策"), Map.entry("type:achievement", "科技成果"),
            Map.entry("type:demand", "技术需求"), Map.entry("type:talent", "科技人才"),
            Map.entry("type:finance", "科技金融"), Map.entry("type:event", "活动"),
            Map.entry("when:next7", "未来7天"), Map.entry("when:month", "本月"), Map.entry("when:past", "已结束"),
            Map.entry("level:national", "国家级"), Map.entry("level:provincial", "省级"),
            Map.entry("level:municipal", "市级"),
            Map.entry("validity:VALID", "有效"), Map.entry("validity:EXPIRING", "即将失效"),
            Map.entry("validity:EXPIRED", "已失效"));

    private Labels() {}

    /** Whether the facet takes only coded values (type, level, validity). */
    static boolean isCoded(String facet) {
        String prefix = facet + ":";
        return VALUES.keySet().stream().anyMatch(k -> k.startsWith(prefix));
    }

    static boolean isCode(String facet, String value) {
        return VALUES.containsKey(facet + ":" + value);
    }

    static String facet(String name) {
        return FACETS.getOrDefault(name, name);
    }

    static String value(String facet, String value) {
        String label = VALUES.get(facet + ":" + value);
        if (label != null) {
            return label;
        }
        return "year".equals(facet) ? value + " 年" : value;
    }
}
