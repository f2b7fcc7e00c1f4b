package cn.keyida.portal.projects;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * The rules of the reviewer draw, without any storage, so a stored draw can be replayed exactly and the
 * rules tested over many seeds. A candidate is excluded, with the first reason that applies, when it
 * (1) works at an applicant's organisation, (2) declared a conflict with an applicant, (3) was drawn
 * {@code limit} times already this year, or (4) is already on the application's list (a replacement
 * never brings back a reviewer who declined). The rest, in id order, are shuffled by a
 * {@link SplittableRandom} seeded with the stored seed (Fisher–Yates); the first {@code wanted} are drawn.
 */
public final class DrawRules {

    /** An active pool expert of the field, as the draw saw it. */
    public record Candidate(long id, String username, String name, String organisation) {}

    /** A candidate left out, and why (in Chinese, as the audit page shows it). */
    public record Exclusion(long expertId, String username, String reason) {}

    /** What the rules look at for one draw. */
    public record Context(Set<String> applicantOrganisations, Set<Long> conflicted, Map<Long, Integer> drawsThisYear,
            int yearlyLimit, Set<Long> alreadyListed) {}

    static final String SAME_ORGANISATION = "与申报单位同属一个单位";
    static final String DECLARED_CONFLICT = "已声明与申报单位存在利益冲突";
    static final String YEARLY_LIMIT = "本年度被抽取次数已达上限";
    static final String ALREADY_LISTED = "已在本申报的评审名单中（含已谢绝或回避）";

    private DrawRules() {}

    /** Organisations compared without spaces and case: "广元 大学" is 广元大学. */
    public static String organisationKey(String organisation) {
        return organisation == null ? "" : organisation.replaceAll("[\\s\\u3000]+", "").toLowerCase(Locale.ROOT);
    }

    /** Each candidate's exclusion, in candidate order; candidates without one are eligible. */
    public static List<Exclusion> exclusions(List<Candidate> candidates, Context c) {
        List<Exclusion> out = new ArrayList<>();
        for (Candidate x : candidates) {
            String reason = null;
            if (c.applicantOrganisations().contains(organisationKey(x.organisation()))) {
                reason = SAME_ORGANISATION;
            } else if (c.conflicted().contains(x.id())) {
                reason = DECLARED_CONFLICT;
            } else if (c.drawsThisYear().getOrDefault(x.id(), 0) >= c.yearlyLimit()) {
                reason = YEARLY_LIMIT + "（" + c.drawsThisYear().get(x.id()) + "/" + c.yearlyLimit() + "）";
            } else if (c.alreadyListed().contains(x.id())) {
                reason = ALREADY_LISTED;
            }
            if (reason != null) {
                out.add(new Exclusion(x.id(), x.username(), reason));
            }
        }
        return out;
    }

    /** The candidates in the order the draw stores and shuffles them: by id. */
    public static List<Candidate> ordered(Collection<Candidate> candidates) {
        Map<Long, Candidate> unique = new LinkedHashMap<>();
        candidates.stream().sorted(Comparator.comparingLong(Candidate::id)).forEach(x -> unique.putIfAbsent(x.id(), x));
        return new ArrayList<>(unique.values());
    }

    /** The drawn ids, in draw order: at most {@code wanted}, never an excluded one. */
    public static List<Long> pick(long seed, List<Candidate> candidates, List<Exclusion> exclusions, int wanted) {
        Set<Long> out = new java.util.HashSet<>();
        exclusions.forEach(e -> out.add(e.expertId()));
        List<Long> eligible = new ArrayList<>();
        for (Candidate x : ordered(candidates)) {
            if (!out.contains(x.id())) {
                eligible.add(x.id());
            }
        }
        SplittableRandom random = new SplittableRandom(seed);
        for (int i = eligible.size() - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            Long t = eligible.get(i);
            eligible.set(i, eligible.get(j));
            eligible.set(j, t);
        }
        return List.copyOf(eligible.subList(0, Math.min(wanted, eligible.size())));
    }
}
