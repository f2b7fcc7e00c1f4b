package cn.keyida.portal.market;

import cn.keyida.portal.common.FigureSection;
import cn.keyida.portal.common.PortalClock;
import cn.keyida.portal.needs.NeedExport;
import cn.keyida.portal.needs.PublicStatistics;
import cn.keyida.portal.techfield.TechFields;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The market in figures, for {@code /service-performance} (small groups left out, by the rule of
 * {@link PublicStatistics#MIN_GROUP}) and the staff dashboard (every group): published demands and
 * achievements by month and field, review time by month, matches sent by month, 对接 cases by state,
 * contracts (figures both sides confirmed) by year and type, and the conversion from 意向 to 签约.
 * The headline totals are the whole market, never a group, so they are always shown.
 */
@ApplicationScoped
public class MarketStatistics implements FigureSection {

    static final String NOTE = "统计口径：月份按北京时间；技术合同仅计双方已确认合同信息的案例；审核用时为提交到发布的自然日。";

    private final EntityManager em;
    private final TechFields fields;
    private final PortalClock clock;

    MarketStatistics(EntityManager em, TechFields fields, PortalClock clock) {
        this.em = em;
        this.fields = fields;
        this.clock = clock;
    }

    @Override
    @Transactional
    public Section publicFigures() {
        return section(PublicStatistics.MIN_GROUP, "/market/figures.xlsx");
    }

    @Override
    @Transactional
    public Section staffFigures() {
        return section(1, "/staff/market/figures.xlsx");
    }

    /** The section as a workbook: the headlines, then one sheet per table (through needs' one xlsx writer). */
    @Transactional
    public byte[] xlsx(boolean forPublic) {
        Section s = forPublic ? publicFigures() : staffFigures();
        Map<String, String> about = new LinkedHashMap<>();
        about.put("内容", s.title());
        about.put("导出时间", PortalClock.localText(clock.now()));
        about.put("说明", s.note());
        List<List<Object>> headlines = new ArrayList<>();
        s.headlines().forEach(h -> headlines.add(List.of(h.label(), h.value())));
        Map<String, NeedExport.Table> sheets = new LinkedHashMap<>();
        sheets.put("总体", new NeedExport.Table(List.of("指标", "数值"), headlines));
        for (Table t : s.tables()) {
            List<List<Object>> rows = new ArrayList<>();
            for (List<String> r : t.rows()) {
                // the first column names the group (a year, a month, a field): text; the others are figures
                List<Object> typed = new ArrayList<>();
                for (int i = 0; i < r.size(); i++) {
                    String cell = r.get(i);
                    typed.add(i > 0 && cell.matches("\\d+(\\.\\d+)?") ? new BigDecimal(cell) : cell);
                }
                rows.add(typed);
            }
            sheets.put(t.caption().replaceAll("[\\\\/?*\\[\\]:]", " "), new NeedExport.Table(t.header(), rows));
        }
        return NeedExport.workbook(about, sheets);
    }

    private Section section(int minGroup, String exportUrl) {
        LocalDate from = clock.today().withDayOfMonth(1).minusMonths(11);
        Hidden hidden = new Hidden();
        List<Table> tables = List.of(published(from, minGroup, hidden), reviews(from, minGroup, hidden),
                matches(from, minGroup, hidden), cases(minGroup, hidden), contracts(minGroup, hidden));
        String note = NOTE + " 按月统计的表为 " + from + " 以来。"
                + (minGroup > 1 ? "为保护发布方信息，少于 " + minGroup + " 条的分组不单独公开"
                        + (hidden.groups > 0 ? "（本期 " + hidden.groups + " 个分组未公开）" : "") + "；总体数字含全部分组。" : "");
        return new Section("market", "技术市场", note, headlines(), tables, exportUrl);
    }

    private static final class Hidden {
        int groups;
    }

    private List<Headline> headlines() {
        Object[] items = (Object[]) em.createNativeQuery("""
                select count(*) filter (where kind = 'DEMAND'), count(*) filter (where kind = 'ACHIEVEMENT'),
                       avg(extract(epoch from published_at - submitted_at) / 86400)
                           filter (where submitted_at is not null and submitted_at <= published_at)
                from market_item where published_at is not null""").getSingleResult();
        long sent = ((Number) em.createNativeQuery("select count(*) from market_match where notified_at is not null")
                .getSingleResult()).longValue();
        Map<CaseStatus, Long> states = caseStates();
        long all = states.values().stream().mapToLong(Long::longValue).sum();
        long signed = states.get(CaseStatus.SIGNED) + states.get(CaseStatus.REGISTERED);
        Object[] contracts = (Object[]) em.createNativeQuery("""
                select count(*), coalesce(sum(amount), 0) from market_case
                where status in ('SIGNED', 'REGISTERED') and demand_confirmed and supply_confirmed""").getSingleResult();
        return List.of(new Headline("demands", "已发布技术需求", items[0].toString()),
                new Headline("achievements", "已发布科技成果", items[1].toString()),
                new Headline("review-days", "平均审核用时（天）", items[2] == null ? "—" : oneDecimal(items[2])),
                new Headline("matches", "已发送匹配（对）", String.valueOf(sent)),
                new Headline("cases", "对接案例", String.valueOf(all)),
                new Headline("conversion", "意向到签约转化率",
                        all == 0 ? "—" : String.format("%.0f%%（%d/%d）", 100.0 * signed / all, signed, all)),
                new Headline("contracts", "技术合同（双方已确认）", contracts[0].toString()),
                new Headline("amount", "合同金额（万元）", plain(contracts[1])));
    }

    @SuppressWarnings("unchecked")
    private Table published(LocalDate from, int minGroup, Hidden hidden) {
        List<Object[]> all = em.createNativeQuery("""
                select to_char(published_at at time zone 'Asia/Shanghai', 'YYYY-MM') as month, field_code,
                       count(*) filter (where kind = 'DEMAND'), count(*) filter (where kind = 'ACHIEVEMENT')
                from market_item where published_at >= :from
                group by month, field_code order by month desc, field_code""")
                .setParameter("from", PortalClock.startOf(from)).getResultList();
        List<List<String>> rows = new ArrayList<>();
        for (Object[] r : all) {
            long d = ((Number) r[2]).longValue();
            long a = ((Number) r[3]).longValue();
            if (d + a < minGroup) {
                hidden.groups++;
                continue;
            }
            rows.add(List.of((String) r[0], fields.name((String) r[1]), String.valueOf(d), String.valueOf(a)));
        }
        return new Table("market-published", "已发布信息（按月份和领域）", List.of("月份", "技术领域", "技术需求", "科技成果"), rows);
    }

    @SuppressWarnings("unchecked")
    private Table reviews(LocalDate from, int minGroup, Hidden hidden) {
        List<Object[]> all = em.createNativeQuery("""
                select to_char(published_at at time zone 'Asia/Shanghai', 'YYYY-MM') as month, count(*),
                       avg(extract(epoch from published_at - submitted_at) / 86400)
                from market_item where published_at >= :from and submitted_at is not null and submitted_at <= published_at
                group by month order by month desc""")
                .setParameter("from", PortalClock.startOf(from)).getResultList();
        return table(all, minGroup, hidden, "market-reviews", "审核用时（按月份）", List.of("月份", "审核通过", "平均审核用时（天）"),
                r -> List.of((String) r[0], r[1].toString(), oneDecimal(r[2])));
    }

    @SuppressWarnings("unchecked")
    private Table matches(LocalDate from, int minGroup, Hidden hidden) {
        List<Object[]> all = em.createNativeQuery("""
                select to_char(notified_at at time zone 'Asia/Shanghai', 'YYYY-MM') as month, count(*)
                from market_match where notified_at >= :from group by month order by month desc""")
                .setParameter("from", PortalClock.startOf(from)).getResultList();
        return table(all, minGroup, hidden, "market-matches", "已发送匹配（按月份）", List.of("月份", "匹配对数"),
                r -> List.of((String) r[0], r[1].toString()));
    }

    private Table cases(int minGroup, Hidden hidden) {
        List<List<String>> rows = new ArrayList<>();
        caseStates().forEach((state, n) -> {
            if (n == 0) {
                return;
            }
            if (n < minGroup) {
                hidden.groups++;
            } else {
                rows.add(List.of(state.label, String.valueOf(n)));
            }
        });
        return new Table("market-cases", "对接案例（按状态）", List.of("状态", "案例数"), rows);
    }

    @SuppressWarnings("unchecked")
    private Table contracts(int minGroup, Hidden hidden) {
        List<Object[]> all = em.createNativeQuery("""
                select extract(year from signed_on)::int, contract_type, count(*), sum(amount) from market_case
                where status in ('SIGNED', 'REGISTERED') and demand_confirmed and supply_confirmed
                group by 1, 2 order by 1 desc, 2""").getResultList();
        List<List<String>> rows = new ArrayList<>();
        for (Object[] r : all) {
            if (((Number) r[2]).longValue() < minGroup) {
                hidden.groups++;
                continue;
            }
            rows.add(List.of(r[0].toString(), (String) r[1], r[2].toString(), plain(r[3])));
        }
        return new Table("market-contracts", "技术合同（按年份和类型）", List.of("年份", "合同类型", "份数", "金额（万元）"), rows);
    }

    @SuppressWarnings("unchecked")
    private Map<CaseStatus, Long> caseStates() {
        Map<CaseStatus, Long> byState = new EnumMap<>(CaseStatus.class);
        for (CaseStatus s : CaseStatus.values()) {
            byState.put(s, 0L);
        }
        ((List<Object[]>) em.createNativeQuery("select status, count(*) from market_case group by status").getResultList())
                .forEach(r -> byState.put(CaseStatus.valueOf((String) r[0]), ((Number) r[1]).longValue()));
        return byState;
    }

    /** Rows whose second column (the count) reaches the group size; the others counted as hidden. */
    private static Table table(List<Object[]> all, int minGroup, Hidden hidden, String id, String caption,
            List<String> header, java.util.function.Function<Object[], List<String>> row) {
        List<List<String>> rows = new ArrayList<>();
        for (Object[] r : all) {
            if (((Number) r[1]).longValue() < minGroup) {
                hidden.groups++;
            } else {
                rows.add(row.apply(r));
            }
        }
        return new Table(id, caption, header, rows);
    }

    private static String oneDecimal(Object v) {
        return v == null ? "—" : String.format("%.1f", ((Number) v).doubleValue());
    }

    private static String plain(Object v) {
        return new BigDecimal(v.toString()).stripTrailingZeros().toPlainString();
    }
}
