package cn.keyida.portal.projects;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.keyida.portal.enterprise.EnterpriseProfile;
import cn.keyida.portal.support.Enterprises;
import cn.keyida.portal.web.ConflictException;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/**
 * The reviewer draw on the real PostgreSQL with pool experts in the expert table: stored seed, candidates
 * and exclusions replay to the same draw; over many random seeds no excluded expert is drawn; a declined
 * invitation or a declared conflict is replaced by the same rules.
 */
@QuarkusTest
class ProjectDrawTest {

    static final String STAFF = ProjectFixtures.STAFF;

    @Inject
    ReviewerDraws draws;

    @Inject
    ProjectReviews reviews;

    @ConfigProperty(name = "portal.projects.max-draws-per-year", defaultValue = "5")
    int limit;

    static ReviewerDraw reload(long drawId) {
        return QuarkusTransaction.requiringNew().call(() -> ReviewerDraw.<ReviewerDraw>findById(drawId));
    }

    /** Marks the expert as drawn {@code times} times this year already (draw records of an unrelated call). */
    static void drawnBefore(long expertId, ProjectCall call, int times) {
        QuarkusTransaction.requiringNew().run(() -> {
            for (int i = 0; i < times; i++) {
                ReviewerDraw d = new ReviewerDraw();
                d.callId = call.id;
                d.fieldCode = "07";
                d.kind = ReviewerDraw.Kind.FIELD;
                d.seed = i;
                d.wanted = 1;
                d.drawn = new java.util.ArrayList<>(List.of(expertId));
                d.actor = "测试";
                d.at = java.time.Instant.now();
                d.year = ProjectFixtures.today().getYear();
                d.persist();
            }
        });
    }

    @Test
    void theStoredDrawReplaysToTheSameExpertsAndTheSameExclusions() {
        EnterpriseProfile a = Enterprises.enterpriseA();
        ProjectCall call = ProjectFixtures.openCall(3, "07");
        for (int i = 0; i < 5; i++) {
            ProjectFixtures.expert(null, "广元重放研究院" + i, "07");
        }
        ProjectFixtures.expert(null, a.name, "07");
        ProjectApplication app = ProjectFixtures.formalPassed(a, call, "07");
        ReviewerDraw d = draws.drawField(call.id, "07", "20261204", STAFF);
        assertThat(d.seed).isEqualTo(20261204L);
        assertThat(d.drawn).hasSize(3);
        ReviewerDraw stored = reload(d.id);
        assertThat(DrawRules.pick(stored.seed, stored.candidates, stored.exclusions, stored.wanted)).isEqualTo(stored.drawn);
        ReviewerDraws.Replay replay = draws.replay(d.id);
        assertThat(replay.same()).isTrue();
        assertThat(replay.drawn()).isEqualTo(stored.drawn);
        // the same seed over the same candidates and exclusions, stored the other way round, draws the same
        List<DrawRules.Candidate> reversed = new java.util.ArrayList<>(stored.candidates);
        java.util.Collections.reverse(reversed);
        assertThat(DrawRules.pick(20261204L, reversed, stored.exclusions, 3)).isEqualTo(stored.drawn);
        assertThat(ProjectFixtures.reload(app.id).status).isEqualTo(ProjectStatus.EXPERT_REVIEW);
        assertThat(ProjectFixtures.reviews(app.id)).extracting(r -> r.expertId).containsExactlyInAnyOrderElementsOf(stored.drawn);
        // each drawn expert is mailed the invitation, with what a conflict declaration needs and no more
        for (ProjectReview r : ProjectFixtures.reviews(app.id)) {
            cn.keyida.portal.mail.MailOutbox mail = QuarkusTransaction.requiringNew().call(() ->
                    cn.keyida.portal.mail.MailOutbox.<cn.keyida.portal.mail.MailOutbox>find(
                            "recipient = ?1 and body like ?2", r.expertUsername + "@example.com",
                            "%/expert/projects/" + r.id + "%").firstResult());
            assertThat(mail).as(r.expertUsername).isNotNull();
            assertThat(mail.subject).contains("评审专家");
            assertThat(mail.body).contains("申报单位：" + a.name).contains("利益冲突");
        }
        // the applicant's colleague is in the candidates, excluded with the reason
        assertThat(stored.exclusions).anySatisfy(x -> assertThat(x.reason()).isEqualTo(DrawRules.SAME_ORGANISATION));
        // nothing left to draw in the field
        assertThatThrownBy(() -> draws.drawField(call.id, "07", "", STAFF)).isInstanceOf(ConflictException.class);
    }

    @Test
    void overManyRandomSeedsNoExcludedExpertIsEverDrawn() {
        EnterpriseProfile a = Enterprises.enterpriseA();
        Random random = new Random();
        ProjectCall setup = ProjectFixtures.openCall(3, "07");
        Set<Long> colleagues = new HashSet<>();
        for (int i = 0; i < 4; i++) {
            // the organisation written with a space: still the applicant's
            colleagues.add(ProjectFixtures.expert(null, i % 2 == 0 ? a.name : a.name.substring(0, 4) + " " + a.name.substring(4), "07"));
        }
        long conflicted = ProjectFixtures.expert(null, "广元冲突声明研究所", "07");
        // the conflict was declared on an earlier application of the same enterprise
        ProjectApplication earlier = ProjectFixtures.submitted(a, setup, "07");
        QuarkusTransaction.requiringNew().run(() -> {
            ProjectConflict c = new ProjectConflict();
            c.expertId = conflicted;
            c.applicationId = earlier.id;
            c.organisation = DrawRules.organisationKey(a.name);
            c.note = "曾为该企业技术顾问";
            c.at = java.time.Instant.now();
            c.persist();
        });
        long busy = ProjectFixtures.expert(null, "广元繁忙研究院", "07");
        drawnBefore(busy, setup, limit);
        for (int i = 0; i < 12; i++) {
            ProjectFixtures.expert(null, "广元随机研究院" + i, "07");
        }
        int rounds = 15;
        for (int round = 0; round < rounds; round++) {
            ProjectCall call = ProjectFixtures.openCall(1 + random.nextInt(3), "07");
            ProjectApplication app = ProjectFixtures.formalPassed(a, call, "07");
            long seed = random.nextLong();
            ReviewerDraw d = draws.drawField(call.id, "07", String.valueOf(seed), STAFF);
            Map<Long, Integer> before = QuarkusTransaction.requiringNew().call(() ->
                    ReviewerDraws.drawsInYear(d.year, d.id));
            Map<Long, String> reasons = d.exclusions.stream().collect(Collectors.toMap(DrawRules.Exclusion::expertId,
                    DrawRules.Exclusion::reason));
            assertThat(d.drawn).as("seed %d", seed).hasSize(call.reviewersPerField)
                    .doesNotContainAnyElementsOf(colleagues).doesNotContain(conflicted, busy);
            for (long id : d.drawn) {
                assertThat(before.getOrDefault(id, 0)).as("seed %d: expert %d over the yearly limit", seed, id).isLessThan(limit);
                assertThat(reasons).doesNotContainKey(id);
            }
            assertThat(colleagues).allSatisfy(id -> assertThat(reasons.get(id)).isEqualTo(DrawRules.SAME_ORGANISATION));
            assertThat(reasons.get(conflicted)).isEqualTo(DrawRules.DECLARED_CONFLICT);
            assertThat(reasons.get(busy)).startsWith(DrawRules.YEARLY_LIMIT);
            // every expert the draw saw over the limit is excluded
            before.forEach((id, n) -> {
                if (n >= limit && d.candidates.stream().anyMatch(c -> c.id() == id) && !reasons.containsKey(id)) {
                    throw new AssertionError("seed " + seed + ": expert " + id + " drawn " + n + " times, not excluded");
                }
            });
            assertThat(draws.replay(d.id).same()).isTrue();
            assertThat(ProjectFixtures.reviews(app.id)).hasSize(call.reviewersPerField);
        }
    }

    @Test
    void aDeclinedInvitationOrADeclaredConflictIsReplacedByTheSameRules() {
        EnterpriseProfile b = Enterprises.fresh();
        ProjectCall call = ProjectFixtures.openCall(2, "05");
        long colleague = ProjectFixtures.expert(null, b.name, "05");
        Set<Long> others = new HashSet<>();
        for (int i = 0; i < 4; i++) {
            others.add(ProjectFixtures.expert(null, "广元替补研究院" + i, "05"));
        }
        ProjectApplication app = ProjectFixtures.formalPassed(b, call, "05");
        draws.drawField(call.id, "05", "", STAFF);
        List<ProjectReview> first = ProjectFixtures.reviews(app.id);
        assertThat(first).hasSize(2);
        ProjectReview leaving = first.get(0);
        reviews.decline(leaving.expertUsername, leaving.id, leaving.version, "出差在外", "专家");
        List<ProjectReview> after = ProjectFixtures.reviews(app.id);
        assertThat(after).hasSize(3);
        ProjectReview replacement = after.get(2);
        assertThat(replacement.expertId).isNotEqualTo(colleague).isNotIn(first.stream().map(r -> r.expertId).toList());
        assertThat(after.get(0).status).isEqualTo(ProjectReview.Status.DECLINED);
        ReviewerDraw rd = reload(replacement.drawId);
        assertThat(rd.kind).isEqualTo(ReviewerDraw.Kind.REPLACEMENT);
        assertThat(rd.exclusions).anySatisfy(x -> {
            assertThat(x.expertId()).isEqualTo(leaving.expertId);
            assertThat(x.reason()).isEqualTo(DrawRules.ALREADY_LISTED);
        });
        assertThat(rd.exclusions).anySatisfy(x -> assertThat(x.expertId()).isEqualTo(colleague));
        assertThat(draws.replay(rd.id).same()).isTrue();
        // the replacement declares a conflict: left out, recorded, and replaced again
        reviews.declareConflict(replacement.expertUsername, replacement.id, replacement.version, "曾参与该企业项目", "专家");
        List<ProjectReview> third = ProjectFixtures.reviews(app.id);
        assertThat(third).hasSize(4);
        assertThat(third.get(2).status).isEqualTo(ProjectReview.Status.CONFLICT);
        assertThat(third.get(3).expertId).isNotIn(leaving.expertId, replacement.expertId, colleague);
        long conflicts = QuarkusTransaction.requiringNew().call(() -> ProjectConflict.count("expertId", replacement.expertId));
        assertThat(conflicts).isEqualTo(1);
        // a later draw for another application of the same enterprise leaves the conflicted expert out
        ProjectCall next = ProjectFixtures.openCall(1, "05");
        ProjectFixtures.formalPassed(b, next, "05");
        ReviewerDraw later = draws.drawField(next.id, "05", "", STAFF);
        assertThat(later.exclusions).anySatisfy(x -> {
            assertThat(x.expertId()).isEqualTo(replacement.expertId);
            assertThat(x.reason()).isEqualTo(DrawRules.DECLARED_CONFLICT);
        });
        assertThat(later.drawn).doesNotContain(replacement.expertId, colleague);
        // a stale form is 409
        ProjectReview current = third.get(3);
        reviews.declareNoConflict(current.expertUsername, current.id, current.version, "专家");
        assertThatThrownBy(() -> reviews.decline(current.expertUsername, current.id, current.version, "x", "专家"))
                .isInstanceOf(ConflictException.class);
    }
}
