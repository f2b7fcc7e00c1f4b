package cn.keyida.portal.web;

import cn.keyida.portal.common.PortalClock;
import io.quarkus.qute.TemplateExtension;
import java.time.Instant;
import java.time.format.DateTimeFormatter;

/** Instants are stored in UTC and shown in China time. */
@TemplateExtension
public class TemplateExtensions {

    private static final DateTimeFormatter LOCAL =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(PortalClock.ZONE);

    static String local(Instant instant) {
        return instant == null ? "" : LOCAL.format(instant);
    }
}
