package cn.keyida.portal.web;

import cn.keyida.portal.needs.NeedsConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;

/** The portal's public address, for canonical links in templates ({@code inject:canonical.base}). */
@Named("canonical")
@ApplicationScoped
public class Canonical {

    private final NeedsConfig config;

    Canonical(NeedsConfig config) {
        this.config = config;
    }

    public String base() {
        return config.baseUrl();
    }
}
