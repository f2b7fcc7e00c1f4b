package cn.keyida.portal.experts;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The read API other features use: only admitted (已入库) experts are in the pool. */
@QuarkusTest
class ExpertPoolTest {

    @Inject
    ExpertPool pool;

    @Test
    void onlyActiveExpertsOfTheFieldAreInThePool() {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        long active = store("pool-a-" + tag, ExpertStatus.ACTIVE, List.of("03", "02"));
        long pending = store("pool-p-" + tag, ExpertStatus.PENDING, List.of("03"));
        long suspended = store("pool-s-" + tag, ExpertStatus.SUSPENDED, List.of("03"));

        List<Long> inField = pool.active("03").stream().map(PoolExpert::id).toList();
        assertThat(inField).contains(active).doesNotContain(pending, suspended);
        assertThat(pool.active("04").stream().map(PoolExpert::id).toList()).doesNotContain(active);
        assertThat(pool.byUsername("pool-a-" + tag)).get()
                .satisfies(e -> {
                    assertThat(e.fields()).containsExactly("03", "02");
                    assertThat(e.modes()).containsExactlyInAnyOrder(ServiceMode.CONSULT, ServiceMode.REVIEW);
                    assertThat(e.subject()).isEqualTo("sub-pool-a-" + tag);
                });
        assertThat(pool.bySubject("sub-pool-a-" + tag)).isPresent();
        assertThat(pool.byUsername("pool-p-" + tag)).isEmpty();
        assertThat(pool.bySubject("sub-pool-s-" + tag)).isEmpty();
        assertThat(pool.byId(active)).isPresent();
        assertThat(pool.byId(suspended)).isEmpty();
    }

    static long store(String username, ExpertStatus status, List<String> fields) {
        return QuarkusTransaction.requiringNew().call(() -> {
            Expert e = new Expert();
            e.subject = "sub-" + username;
            e.username = username;
            e.name = "测试专家";
            e.organisation = "广元测试研究院";
            e.title = "研究员";
            e.fields = new java.util.ArrayList<>(fields);
            e.modes = new java.util.ArrayList<>(List.of("CONSULT", "REVIEW"));
            e.phone = "13900003333";
            e.email = username + "@example.com";
            e.status = status;
            e.persist();
            return e.id;
        });
    }
}
