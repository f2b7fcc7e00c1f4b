package cn.keyida.portal.needs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.keyida.portal.enterprise.EnterpriseProfile;
import cn.keyida.portal.support.Enterprises;
import cn.keyida.portal.web.InvalidInputException;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** The day's tracking numbers are taken by a statement that commits on its own (NeedSubmission.submit). */
@QuarkusTest
class TrackingNumberTest {

    @Inject
    NeedSubmission needs;

    @Test
    void concurrentSubmissionsGetDistinctConsecutiveNumbersAndRejectedOnesTakeNone() throws Exception {
        EnterpriseProfile a = Enterprises.enterpriseA();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Future<Need>> futures = new ArrayList<>();
        for (int i = 0; i < 24; i++) {
            String title = "编号并发测试需求 " + i;
            futures.add(pool.submit(() -> needs.submit(a.subject, submission("TECH", title), List.of(), actor()).orElseThrow()));
        }
        List<String> numbers = new ArrayList<>();
        for (Future<Need> f : futures) {
            numbers.add(f.get().trackingNo);
        }
        pool.shutdown();

        assertThat(numbers).doesNotHaveDuplicates().allMatch(n -> n.matches("XQ-\\d{8}-\\d{4}"));
        List<Integer> suffixes = numbers.stream().map(TrackingNumberTest::suffix).sorted().toList();
        assertThat(suffixes.get(suffixes.size() - 1) - suffixes.get(0)).isEqualTo(numbers.size() - 1);
        long stored = QuarkusTransaction.requiringNew().call(() -> Need.count("trackingNo in ?1", numbers));
        assertThat(stored).isEqualTo(numbers.size());

        // An unknown category is refused, and a login without a profile stores nothing, before a number
        // is taken: the next need gets the next number.
        assertThatThrownBy(() -> needs.submit(a.subject, submission("NO-SUCH-CATEGORY", "编号测试：错误类别"), List.of(), actor()))
                .isInstanceOf(InvalidInputException.class);
        assertThat(needs.submit("no-profile-subject", submission("TECH", "编号测试：没有企业档案"), List.of(), actor())).isEmpty();
        Need next = needs.submit(a.subject, submission("TECH", "编号测试：下一条"), List.of(), actor()).orElseThrow();
        assertThat(suffix(next.trackingNo)).isEqualTo(suffixes.get(suffixes.size() - 1) + 1);
    }

    private static NeedSubmission.Submission submission(String category, String title) {
        return new NeedSubmission.Submission(category, title, "描述", "", BigDecimal.ONE, null, true);
    }

    private static String actor() {
        return "王建国（enterprise1）";
    }

    private static int suffix(String trackingNo) {
        return Integer.parseInt(trackingNo.substring(trackingNo.lastIndexOf('-') + 1));
    }
}
