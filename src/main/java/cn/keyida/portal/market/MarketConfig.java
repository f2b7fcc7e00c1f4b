package cn.keyida.portal.market;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "portal.market")
public interface MarketConfig {

    /** Review SLA: working days from submission to a decision. */
    @WithDefault("3")
    int reviewDays();

    /** Candidates per item sent in a match message and shown to its owner. */
    @WithDefault("5")
    int candidates();

    /** Candidates scoring below this are not kept. */
    @WithDefault("0.35")
    double minScore();

    /** Largest attachment of an achievement, in bytes (as needs'). */
    @WithDefault("10485760")
    long maxAttachmentBytes();

    /** Attachments per achievement. */
    @WithDefault("10")
    int maxAttachments();
}
