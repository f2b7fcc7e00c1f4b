package cn.keyida.portal.matching;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * Conditions as staff type them on the form or as a line of a conditions file
 * ({@code data/demo-conditions.jsonl}): {@code id} is the item's record id; numbers may be strings.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record EligibilityInput(
        String id,
        @JsonProperty("required_tags") List<String> requiredTags,
        @JsonProperty("excluded_tags") List<String> excludedTags,
        List<String> districts,
        List<String> industries,
        @JsonProperty("min_employees") String minEmployees,
        @JsonProperty("max_employees") String maxEmployees,
        @JsonProperty("min_revenue") String minRevenue,
        @JsonProperty("max_revenue") String maxRevenue,
        @JsonProperty("min_rd_ratio") String minRdRatio,
        @JsonProperty("rd_tiers") List<RdTier> rdTiers,
        @JsonProperty("min_years") String minYears,
        @JsonProperty("max_years") String maxYears,
        @JsonProperty("manual_conditions") List<String> manualConditions,
        String benefit,
        @JsonProperty("apply_deadline") String applyDeadline) {}
