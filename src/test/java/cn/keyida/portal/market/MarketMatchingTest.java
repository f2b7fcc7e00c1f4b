package cn.keyida.portal.market;

import static org.assertj.core.api.Assertions.assertThat;

import cn.keyida.portal.mail.MailOutbox;
import cn.keyida.portal.search.SearchIndexer;
import cn.keyida.portal.support.SampleData;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Matching on the real Elasticsearch and PostgreSQL: the candidate lists and reasons of a small fixture,
 * one message per pair and owner however often matching runs, and 不相关 hiding a pair for good.
 */
@QuarkusTest
class MarketMatchingTest {

    @Inject
    MarketWorkflow workflow;

    @Inject
    MarketMatching matching;

    @Inject
    MarketViews views;

    @Inject
    SearchIndexer indexer;

    @Test
    void candidatesReasonsDeduplicatedMessagesAndFeedback() {
        String uni = MarketFixtures.university();
        String ent = MarketFixtures.enterprise();
        String tag = String.valueOf(System.nanoTime() % 100000);
        MarketItem d = publish(MarketKind.DEMAND, ent, MarketFixtures.demand("鲜竹笋保鲜加工" + tag, "10",
                "企业收购鲜竹笋，常温下竹笋容易老化变质，需要竹笋护色保鲜和软包装杀菌技术，延长货架期。", "技术转让", "40"));
        SampleData.awaitIndexed(indexer, Duration.ofSeconds(30));
        MarketItem a1 = publish(MarketKind.ACHIEVEMENT, uni, MarketFixtures.achievement("鲜竹笋护色保鲜与软包装杀菌技术" + tag,
                "10", "采用护色液浸泡和巴氏杀菌工艺处理鲜竹笋，软包装竹笋常温货架期达到12个月，色泽和口感保持良好。",
                "技术转让", "30"));
        MarketItem a2 = publish(MarketKind.ACHIEVEMENT, uni, MarketFixtures.achievement("竹笋膳食纤维提取与保鲜副产物利用" + tag,
                "04", "以竹笋加工下脚料为原料，酶法提取膳食纤维，用于功能食品，提高竹笋加工副产物价值。", "技术转让\n技术许可", "60"));
        MarketItem a3 = publish(MarketKind.ACHIEVEMENT, uni, MarketFixtures.achievement("数控机床导轨润滑监测" + tag,
                "02", "监测数控机床导轨润滑油膜状态，自动调节供油量，减少导轨磨损。", "技术许可", "20"));
        SampleData.awaitIndexed(indexer, Duration.ofSeconds(30));
        Set<Long> fixture = Set.of(a1.id, a2.id, a3.id);

        List<MarketMatcher.Scored> list = matching.ranked(d.id, false).stream()
                .filter(s -> fixture.contains(s.achievement().id)).toList();
        assertThat(list).extracting(s -> s.achievement().id).containsExactly(a1.id, a2.id);
        assertThat(list.get(0).reason()).startsWith("共同关键词：").contains("竹笋").contains("保鲜")
                .endsWith("同属现代农业与食品；合作方式相符：技术转让；参考价格30万元在预算40万元以内");
        assertThat(list.get(1).reason()).startsWith("共同关键词：").contains("竹笋")
                .endsWith("相邻领域（现代农业与食品／生物产业）；合作方式相符：技术转让；参考价格60万元高于预算上限40万元");
        assertThat(list.get(0).score()).isGreaterThan(list.get(1).score());

        // Approving the achievements matched them to the demand already: running it again tells nobody twice.
        matching.match(d.id);
        matching.match(a1.id);
        assertThat(pairMails("enterprise1@example.com", "鲜竹笋保鲜加工" + tag, a1.title)).isEqualTo(1);
        assertThat(pairMails("enterprise1@example.com", "鲜竹笋保鲜加工" + tag, a2.title)).isEqualTo(1);
        assertThat(pairMails("enterprise1@example.com", "鲜竹笋保鲜加工" + tag, a3.title)).isZero();
        assertThat(pairMails("university1@example.com", a1.title, d.title)).isEqualTo(1);
        assertThat(pairMails("university1@example.com", a2.title, d.title)).isEqualTo(1);
        assertThat(pairMails("university1@example.com", a3.title, d.title)).isZero();

        // 不相关 hides the pair from the owner and from later candidate lists, and it is never sent again.
        long pair = QuarkusTransaction.requiringNew().call(() -> MarketMatch.<MarketMatch>find(
                "demandId = ?1 and achievementId = ?2", d.id, a2.id).firstResult().id);
        matching.feedback(pair, ent, MarketMatch.IRRELEVANT);
        assertThat(views.mine(ent).matches()).filteredOn(m -> m.mine().id.equals(d.id)).extracting(m -> m.other().id)
                .contains(a1.id).doesNotContain(a2.id);
        assertThat(matching.ranked(d.id, false)).extracting(s -> s.achievement().id).doesNotContain(a2.id);
        matching.match(d.id);
        assertThat(pairMails("enterprise1@example.com", "鲜竹笋保鲜加工" + tag, a2.title)).isEqualTo(1);
        long interested = QuarkusTransaction.requiringNew().call(() -> MarketMatch.<MarketMatch>find(
                "demandId = ?1 and achievementId = ?2", d.id, a1.id).firstResult().id);
        assertThat(matching.feedback(interested, uni, MarketMatch.INTERESTED).achievementFeedback).isEqualTo("INTERESTED");
    }

    private MarketItem publish(MarketKind kind, String subject, Map<String, String> form) {
        MarketItem i = workflow.create(kind, kind == MarketKind.DEMAND ? MarketWorkflow.OwnerKind.ENTERPRISE
                : MarketWorkflow.OwnerKind.INSTITUTION, subject, form, "测试");
        i = workflow.submit(i.id, subject, i.version, "测试");
        return workflow.approve(i.id, i.version, "", "张伟（staff1）");
    }

    /** Match mails to the owner of {@code item} that name {@code candidate}. */
    private static long pairMails(String recipient, String item, String candidate) {
        return QuarkusTransaction.requiringNew().call(() -> MailOutbox.<MailOutbox>list(
                "recipient = ?1 and subject like ?2", recipient, "%为“" + item + "”找到%").stream()
                .filter(m -> m.body.contains(candidate)).count());
    }

    private static List<String> subjects(String recipient, String part) {
        return QuarkusTransaction.requiringNew().call(() -> MailOutbox.<MailOutbox>list(
                "recipient = ?1 and subject like ?2 and subject like ?3 order by id", recipient, "%对接候选%", "%" + part + "%")
                .stream().map(m -> m.subject).toList());
    }
}
