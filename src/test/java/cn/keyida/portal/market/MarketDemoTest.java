package cn.keyida.portal.market;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.List;
import org.junit.jupiter.api.Test;

/** ./portal run's market demo data: published through the workflow, once. */
@QuarkusTest
class MarketDemoTest {

    @Inject
    MarketDemo demo;

    @Test
    void seedsPublishedDemandsAndAchievementsOnce() {
        int first = demo.seed();
        List<MarketItem> items = QuarkusTransaction.requiringNew().call(() -> MarketItem.<MarketItem>list(
                "ownerSubject in ?1", List.of(MarketDemo.INSTITUTION, MarketDemo.ENTERPRISE)));
        assertThat(first).isEqualTo(5);
        assertThat(items).hasSize(5).allMatch(i -> i.status == ItemStatus.PUBLISHED && i.publishedAt != null);
        assertThat(items).filteredOn(i -> i.kind == MarketKind.DEMAND).hasSize(2);
        assertThat(demo.seed()).isZero();
    }
}
