package cn.keyida.portal.matching;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.math.BigDecimal;

/**
 * One band of a tiered R&D condition: enterprises with annual revenue up to {@code upTo} 万元 (inclusive;
 * null = no upper bound, above the previous band) need an R&D ratio of at least {@code minRdRatio} %.
 */
public record RdTier(@JsonProperty("up_to") BigDecimal upTo, @JsonProperty("min_rd_ratio") BigDecimal minRdRatio) {}
