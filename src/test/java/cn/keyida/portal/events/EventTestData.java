package cn.keyida.portal.events;

import cn.keyida.portal.common.PortalClock;
import io.quarkus.arc.Arc;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;

/** Published events for tests, their registration window open now. */
final class EventTestData {

    static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm").withZone(PortalClock.ZONE);

    private EventTestData() {}

    static EventInput input(String title, int capacity) {
        Instant now = Instant.now();
        return new EventInput("BRIEFING", title, "<p>政策解读<script>alert(1)</script></p>",
                LOCAL.format(now.plus(Duration.ofDays(2))), LOCAL.format(now.plus(Duration.ofDays(2)).plus(Duration.ofHours(2))),
                "广元市科技局三楼会议室", "利州区东坝街道", "利州区", "", "广元市科学技术局", String.valueOf(capacity),
                LOCAL.format(now.minus(Duration.ofHours(1))), LOCAL.format(now.plus(Duration.ofDays(1))), "ENTERPRISES",
                "高新技术企业认定政策\n研发费用加计扣除");
    }

    static Event published(String title, int capacity) {
        EventService service = Arc.container().instance(EventService.class).get();
        Event e = service.create(input(title, capacity), "测试");
        return service.publish(e.id, e.version, "测试");
    }
}
