package cn.keyida.portal.experts;

import java.util.Arrays;
import java.util.Optional;

/** How an expert serves: advice on needs, reviews of applications, on-site guidance. */
public enum ServiceMode {
    CONSULT("咨询"),
    REVIEW("评审"),
    ONSITE("现场指导");

    public final String label;

    ServiceMode(String label) {
        this.label = label;
    }

    public static Optional<ServiceMode> of(String name) {
        return Arrays.stream(values()).filter(m -> m.name().equals(name)).findFirst();
    }
}
