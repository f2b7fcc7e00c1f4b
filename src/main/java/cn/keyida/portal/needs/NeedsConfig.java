package cn.keyida.portal.needs;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "portal.needs")
public interface NeedsConfig {

    /** Largest attachment accepted, in bytes. */
    @WithDefault("10485760")
    long maxAttachmentBytes();

    @WithDefault("5")
    int maxAttachments();

    /** How long the one-click satisfaction link in the resolution mail stays valid, in days. */
    @WithDefault("15")
    int callbackLinkDays();
}
