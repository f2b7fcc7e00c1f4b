package cn.keyida.portal.matching;

import cn.keyida.portal.enterprise.EnterpriseProfile;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

/**
 * What matching knows about an enterprise: from its saved profile, from a "what if" change of it,
 * or typed by an anonymous visitor. Null means "not stated".
 */
public record Facts(String district, String industry, Set<String> qualifications, Integer employees,
        String revenueBand, BigDecimal rdRatio, LocalDate registeredOn) {

    public Facts {
        qualifications = qualifications == null ? Set.of() : Set.copyOf(qualifications);
    }

    /** Nothing stated at all: an empty calculator form. */
    public boolean isEmpty() {
        return district == null && industry == null && qualifications.isEmpty() && employees == null
                && revenueBand == null && rdRatio == null && registeredOn == null;
    }

    public static Facts of(EnterpriseProfile p) {
        return new Facts(p.district, p.industry, Set.copyOf(p.qualifications), p.employees, p.revenueBand,
                p.rdRatio, p.registeredOn);
    }

    /** Revenue bands of the profile form as [low, high) in 万元; high null = no upper bound. */
    static BigDecimal[] revenueRange(String band) {
        int i = band == null ? -1 : EnterpriseProfile.REVENUE_BANDS.indexOf(band);
        List<long[]> ranges = List.of(new long[] {0, 500}, new long[] {500, 2000}, new long[] {2000, 5000},
                new long[] {5000, 20000}, new long[] {20000, -1});
        if (i < 0) {
            return null;
        }
        long[] r = ranges.get(i);
        return new BigDecimal[] {BigDecimal.valueOf(r[0]), r[1] < 0 ? null : BigDecimal.valueOf(r[1])};
    }
}
