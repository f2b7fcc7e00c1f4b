package cn.keyida.portal.content;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * One record of the JSONL import format (../shared/data/README.md), field for field. Empty strings
 * mean "not stated"; {@code supersedes} and {@code interprets} are optional record ids; {@code contact}
 * (talent only, optional) is personal data shown to logged-in users only.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ContentRecord(
        String id,
        String type,
        String title,
        String summary,
        String body,
        List<String> tags,
        String level,
        String region,
        @JsonProperty("publish_date") String publishDate,
        String source,
        @JsonProperty("source_extra") List<String> sourceExtra,
        @JsonProperty("source_note") String sourceNote,
        @JsonProperty("doc_number") String docNumber,
        String issuer,
        String category,
        @JsonProperty("effective_date") String effectiveDate,
        @JsonProperty("expiry_date") String expiryDate,
        String supersedes,
        String interprets,
        @JsonProperty("product_type") String productType,
        String provider,
        String eligibility,
        String terms,
        @JsonProperty("program_type") String programType,
        String organizer,
        String scale,
        String holder,
        String field,
        String maturity,
        @JsonProperty("transfer_mode") String transferMode,
        String award,
        String demander,
        String budget,
        String mode,
        String deadline,
        String contact) {}
