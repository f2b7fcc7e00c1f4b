package cn.keyida.portal.content;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

@QuarkusTest
class ContentPersistenceTest {

    @Test
    void entitySavedAndReadThroughPanacheOnPostgres() {
        QuarkusTransaction.requiringNew().run(() -> {
            ContentItem item = new ContentItem();
            item.slug = "ach-persistence-check";
            item.type = ContentType.ACHIEVEMENT;
            item.title = "一种高效光伏组件清洗机器人";
            item.tags = List.of("光伏", "机器人");
            item.holder = "广元某新能源科技有限公司";
            item.publishDate = LocalDate.of(2025, 3, 1);
            item.persist();
        });
        ContentItem read = QuarkusTransaction.requiringNew().call(() ->
                ContentItem.findBySlug("ach-persistence-check").orElseThrow());
        assertThat(read.id).isNotNull();
        assertThat(read.title).isEqualTo("一种高效光伏组件清洗机器人");
        assertThat(read.tags).containsExactly("光伏", "机器人");
        assertThat(read.holder).isEqualTo("广元某新能源科技有限公司");
        assertThat(read.status).isEqualTo(ContentStatus.DRAFT);
        assertThat(read.createdAt).isNotNull();
        assertThat(read.version).isZero();
    }
}
