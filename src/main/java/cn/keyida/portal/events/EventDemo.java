package cn.keyida.portal.events;

import cn.keyida.portal.common.PortalClock;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * Demo data for {@code ./portal run}: a 宣讲会, a 市校合作 对接会 and the 科技活动周, published, so the
 * calendar, the search (type 活动) and registration have something to show. Idempotent: does nothing when
 * an event exists.
 */
@ApplicationScoped
public class EventDemo {

    private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm");

    private final EventService service;
    private final PortalClock clock;

    EventDemo(EventService service, PortalClock clock) {
        this.service = service;
        this.clock = clock;
    }

    /** Returns how many events it published. */
    public int seed() {
        if (QuarkusTransaction.requiringNew().call(() -> Event.count()) > 0) {
            return 0;
        }
        List<EventInput> events = inputs();
        for (EventInput in : events) {
            Event e = service.create(in, "演示数据");
            service.publish(e.id, e.version, "演示数据");
        }
        return events.size();
    }

    /** The demo events, dated from today. */
    List<EventInput> inputs() {
        LocalDate today = clock.today();
        String now = LocalDateTime.now(PortalClock.ZONE).minusHours(1).format(LOCAL);
        return List.of(new EventInput("BRIEFING", today.getYear() + "年高新技术企业认定政策宣讲会",
                "<p>解读高新技术企业认定管理办法、研发费用加计扣除和科技型中小企业评价政策，现场答疑。</p>",
                at(today.plusDays(6), 14, 30), at(today.plusDays(6), 17, 0), "广元市科学技术局三楼会议室",
                "广元市利州区利州东路二段", "利州区", "", "广元市科学技术局", "80", now, at(today.plusDays(5), 18, 0),
                "ENTERPRISES", "高新技术企业认定管理办法\n企业研发费用加计扣除政策"),
                new EventInput("MATCHMAKING", "市校合作专场对接会——新材料与智能制造",
                "<p>高校院所发布科技成果，企业发布技术需求，现场一对一洽谈，技术经纪人全程服务。</p>",
                at(today.plusDays(13), 9, 0), at(today.plusDays(13), 12, 0), "广元经济技术开发区科创中心报告厅",
                "广元经济技术开发区袁家坝", "广元经济技术开发区", "", "广元市科学技术局、广元经济技术开发区管委会", "120", now,
                at(today.plusDays(11), 18, 0), "ENTERPRISES",
                "高性能镁合金压铸成形技术\n复合材料老化测试需求\n工业视觉缺陷检测系统"),
                new EventInput("SCIENCE_WEEK", today.getYear() + "年广元市科技活动周开幕式暨科普展",
                "<p>科技成果展示、科普互动体验、院士专家讲座，欢迎市民与青少年参加。</p>",
                at(today.plusDays(20), 9, 30), at(today.plusDays(20), 16, 30), "广元市科技馆",
                "广元市利州区万缘新区", "利州区", "", "广元市科学技术局、广元市科学技术协会", "500", now,
                at(today.plusDays(19), 18, 0), "PUBLIC", ""));
    }

    private static String at(LocalDate day, int hour, int minute) {
        return LocalDateTime.of(day, LocalTime.of(hour, minute)).format(LOCAL);
    }
}
