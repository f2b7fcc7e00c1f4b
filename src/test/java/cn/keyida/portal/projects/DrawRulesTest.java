package cn.keyida.portal.projects;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The draw's rules without storage: determinism by seed, exclusions over many random pools and seeds. */
class DrawRulesTest {

    static final List<String> ORGS = List.of("四川大学", "西南交通大学", "广元市农科院", "电子科技大学", "广元 市中心医院",
            "绵阳科技城研究院");

    static List<DrawRules.Candidate> pool(Random r, int n) {
        List<DrawRules.Candidate> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            long id = 1000 + i * 7L + r.nextInt(5);
            out.add(new DrawRules.Candidate(id, "e" + id, "专家" + id, ORGS.get(r.nextInt(ORGS.size()))));
        }
        return out;
    }

    @Test
    void sameSeedGivesTheSameDrawWhateverTheOrderTheCandidatesCameIn() {
        Random r = new Random(1);
        List<DrawRules.Candidate> candidates = pool(r, 30);
        List<DrawRules.Exclusion> none = List.of();
        List<Long> first = DrawRules.pick(42L, candidates, none, 5);
        List<DrawRules.Candidate> shuffled = new ArrayList<>(candidates);
        Collections.shuffle(shuffled, r);
        assertThat(DrawRules.pick(42L, shuffled, none, 5)).isEqualTo(first).hasSize(5).doesNotHaveDuplicates();
        // another seed gives another draw (for this pool, checked over several seeds so it is not luck)
        Set<List<Long>> draws = new HashSet<>();
        for (long seed = 0; seed < 20; seed++) {
            draws.add(DrawRules.pick(seed, candidates, none, 5));
        }
        assertThat(draws.size()).isGreaterThan(15);
    }

    @Test
    void noExcludedExpertIsEverDrawnOverManyRandomSeeds() {
        Random r = new Random(20261204L);
        for (int round = 0; round < 2000; round++) {
            List<DrawRules.Candidate> candidates = pool(r, 5 + r.nextInt(25));
            Set<String> orgs = Set.of(DrawRules.organisationKey(ORGS.get(r.nextInt(ORGS.size()))));
            Set<Long> conflicted = new HashSet<>();
            Map<Long, Integer> counts = new HashMap<>();
            Set<Long> listed = new HashSet<>();
            for (DrawRules.Candidate c : candidates) {
                if (r.nextInt(6) == 0) {
                    conflicted.add(c.id());
                }
                counts.put(c.id(), r.nextInt(5));
                if (r.nextInt(8) == 0) {
                    listed.add(c.id());
                }
            }
            int limit = 2 + r.nextInt(3);
            DrawRules.Context ctx = new DrawRules.Context(orgs, conflicted, counts, limit, listed);
            List<DrawRules.Exclusion> exclusions = DrawRules.exclusions(candidates, ctx);
            int wanted = 1 + r.nextInt(5);
            List<Long> drawn = DrawRules.pick(r.nextLong(), candidates, exclusions, wanted);
            long eligible = candidates.stream().map(DrawRules.Candidate::id).distinct().count() - exclusions.size();
            assertThat(drawn).hasSize((int) Math.min(wanted, eligible)).doesNotHaveDuplicates();
            for (DrawRules.Candidate c : candidates) {
                if (!drawn.contains(c.id())) {
                    continue;
                }
                assertThat(orgs).as("round %d: drawn %s of an applicant's organisation", round, c).doesNotContain(
                        DrawRules.organisationKey(c.organisation()));
                assertThat(conflicted).as("round %d: drawn %s with a declared conflict", round, c).doesNotContain(c.id());
                assertThat(counts.get(c.id())).as("round %d: drawn %s over the yearly limit", round, c).isLessThan(limit);
                assertThat(listed).as("round %d: drawn %s already listed", round, c).doesNotContain(c.id());
            }
        }
    }

    @Test
    void everyExclusionHasItsReasonAndOrganisationsCompareWithoutSpaces() {
        List<DrawRules.Candidate> c = List.of(new DrawRules.Candidate(1, "a", "甲", "广元 市中心医院"),
                new DrawRules.Candidate(2, "b", "乙", "四川大学"), new DrawRules.Candidate(3, "c", "丙", "电子科技大学"),
                new DrawRules.Candidate(4, "d", "丁", "西南交通大学"), new DrawRules.Candidate(5, "e", "戊", "绵阳科技城研究院"));
        DrawRules.Context ctx = new DrawRules.Context(Set.of(DrawRules.organisationKey("广元市中心医院")), Set.of(2L),
                Map.of(3L, 5), 5, Set.of(4L));
        assertThat(DrawRules.exclusions(c, ctx)).extracting(DrawRules.Exclusion::expertId, DrawRules.Exclusion::reason)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(1L, DrawRules.SAME_ORGANISATION),
                        org.assertj.core.groups.Tuple.tuple(2L, DrawRules.DECLARED_CONFLICT),
                        org.assertj.core.groups.Tuple.tuple(3L, DrawRules.YEARLY_LIMIT + "（5/5）"),
                        org.assertj.core.groups.Tuple.tuple(4L, DrawRules.ALREADY_LISTED));
        assertThat(DrawRules.pick(7, c, DrawRules.exclusions(c, ctx), 3)).containsExactly(5L);
    }
}
