package cn.keyida.portal.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;

import cn.keyida.portal.market.MarketCase;
import cn.keyida.portal.market.MarketTestItems;
import cn.keyida.portal.support.Enterprises;
import cn.keyida.portal.support.UserSession;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

/** A pairing started at a 供需对接会 opens the market's 对接 case and is listed on the event. */
@QuarkusTest
class EventPairingTest {

    @Inject
    EventService service;

    @Test
    void staffRecordAPairingAtAMatchmakingEventWhichOpensAMarketCase() {
        String title = "市校合作专场对接会" + System.nanoTime();
        EventInput brief = EventTestData.input(title, 20);
        Event draft = service.create(new EventInput("MATCHMAKING", brief.title(), brief.description(), brief.startsAt(),
                brief.endsAt(), brief.place(), brief.address(), brief.district(), "", brief.organiser(), "20",
                brief.registrationOpens(), brief.registrationCloses(), "ENTERPRISES", "镁合金压铸成形技术"), "测试");
        Event e = service.publish(draft.id, draft.version, "测试");
        String subject = Enterprises.enterpriseA().subject;
        Registration r = service.register(e.id, subject, "广元市示范新材料有限公司", null);
        long item = MarketTestItems.publishedAchievement("镁合金压铸成形技术" + System.nanoTime());

        UserSession staff = new UserSession("staff1");
        staff.open("/staff/events/" + e.id).then().statusCode(200).body(containsString("现场对接"));
        staff.form().formParam("registration", String.valueOf(r.id)).formParam("item", "abc")
                .post("/staff/events/" + e.id + "/pairings").then().statusCode(400).body(containsString("技术市场信息编号"));
        staff.form().formParam("registration", String.valueOf(r.id)).formParam("item", String.valueOf(item))
                .redirects().follow(false).post("/staff/events/" + e.id + "/pairings").then().statusCode(303);

        EventPairing p = QuarkusTransaction.requiringNew().call(() -> EventPairing.<EventPairing>find("eventId", e.id)
                .singleResult());
        MarketCase c = QuarkusTransaction.requiringNew().call(() -> MarketCase.<MarketCase>findById(p.marketCaseId));
        assertThat(c.achievementId).isEqualTo(item);
        assertThat(c.demandSubject).isEqualTo(subject);
        staff.open("/staff/events/" + e.id).then().statusCode(200)
                .body(containsString("/staff/market/cases/" + c.id), containsString("广元市示范新材料有限公司"));
        // the same pair twice is refused; a 宣讲会 records no pairings
        assertThatThrownBy(() -> service.recordPairing(e.id, String.valueOf(item), String.valueOf(r.id), "测试"))
                .isInstanceOf(EventConflictException.class);
        Event briefing = EventTestData.published("宣讲会无对接" + System.nanoTime(), 5);
        assertThatThrownBy(() -> service.recordPairing(briefing.id, String.valueOf(item), String.valueOf(r.id), "测试"))
                .isInstanceOf(EventConflictException.class).hasMessageContaining("供需对接会");
    }
}
