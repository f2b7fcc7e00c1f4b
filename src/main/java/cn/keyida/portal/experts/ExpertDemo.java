package cn.keyida.portal.experts;

import cn.keyida.portal.common.PortalClock;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import java.util.List;

/**
 * Demo data for {@code ./portal run}: entries for the realm's expert1 … expert6, admitted to the pool, so
 * the public cards, the search and the staff pages have something to show. Seeded by username: the
 * Keycloak subject is not known before the first login, which binds it ({@link ExpertRegistry#claim}).
 * Idempotent: a username that has an entry is left alone.
 */
@ApplicationScoped
public class ExpertDemo {

    private record Demo(String username, String name, String organisation, String title, List<String> fields,
            List<String> specialities, List<String> modes, String region, String profile) {}

    private static final List<Demo> DEMO = List.of(
            new Demo("expert1", "张建华", "四川省新材料研究院", "研究员", List.of("03", "02"), List.of("高分子改性", "复合材料", "失效分析"),
                    List.of("CONSULT", "REVIEW", "ONSITE"), "成都市", "长期从事高分子材料改性与复合材料成型研究，主持省级科技项目 6 项。"),
            new Demo("expert2", "李秀兰", "广元市农业科学研究院", "正高级农艺师", List.of("10", "04"), List.of("猕猴桃栽培", "病虫害绿色防控"),
                    List.of("CONSULT", "ONSITE"), "利州区", "从事特色水果栽培与病虫害绿色防控三十年，熟悉川北山区果园生产。"),
            new Demo("expert3", "王志强", "西南科技大学", "教授", List.of("01", "08"), List.of("工业互联网", "机器视觉", "数字孪生"),
                    List.of("CONSULT", "REVIEW"), "绵阳市", "研究方向为工业互联网与机器视觉检测，指导多家制造企业完成数字化改造。"),
            new Demo("expert4", "陈丽", "四川大学", "副教授", List.of("04", "10"), List.of("生物发酵", "食品安全检测"),
                    List.of("CONSULT", "REVIEW"), "成都市", "从事食品生物技术与发酵工程研究，参与制定地方食品标准 3 项。"),
            new Demo("expert5", "刘洋", "东方电气集团", "正高级工程师", List.of("06", "05", "02"), List.of("光伏组件", "储能系统", "电机控制"),
                    List.of("REVIEW", "ONSITE"), "德阳市", "长期从事新能源装备研发与工程化，擅长储能系统集成与现场调试。"),
            new Demo("expert6", "赵敏", "广元市环境科学研究所", "高级工程师", List.of("07"), List.of("污水处理", "固废资源化"),
                    List.of("CONSULT", "REVIEW", "ONSITE"), "利州区", "从事工业污水处理与固体废物资源化利用技术研究与推广。"));

    private final PortalClock clock;
    private final ExpertsConfig config;
    private final Event<ExpertChanged> changed;

    ExpertDemo(PortalClock clock, ExpertsConfig config, Event<ExpertChanged> changed) {
        this.clock = clock;
        this.config = config;
        this.changed = changed;
    }

    /** Returns how many entries it created. */
    public int seed() {
        return QuarkusTransaction.requiringNew().call(() -> {
            int n = 0;
            for (Demo d : DEMO) {
                if (Expert.findByUsername(d.username()).isPresent()) {
                    continue;
                }
                Expert e = new Expert();
                e.username = d.username();
                e.name = d.name();
                e.organisation = d.organisation();
                e.title = d.title();
                e.fields = new java.util.ArrayList<>(d.fields());
                e.specialities = new java.util.ArrayList<>(d.specialities());
                e.modes = new java.util.ArrayList<>(d.modes());
                e.availability = "工作日，提前一周预约";
                e.region = d.region();
                e.profile = d.profile();
                e.phone = "13900000000";
                e.email = d.username() + "@example.com";
                e.status = ExpertStatus.ACTIVE;
                e.submittedAt = clock.now();
                e.admittedAt = e.submittedAt;
                e.confirmedAt = e.submittedAt;
                e.confirmBy = clock.today().plusMonths(config.confirmMonths());
                e.persist();
                ExpertEvent.record(e, "演示数据", "审核入库", ExpertStatus.PENDING, "演示数据", true);
                changed.fire(new ExpertChanged(e.id));
                n++;
            }
            return n;
        });
    }
}
