package cn.keyida.portal.events;

import jakarta.ws.rs.core.MultivaluedMap;
import java.util.LinkedHashMap;
import java.util.Map;

/** The staff event form as typed; {@link EventService} validates it field by field. */
public record EventInput(String type, String title, String description, String startsAt, String endsAt,
        String place, String address, String district, String onlineLink, String organiser, String capacity,
        String registrationOpens, String registrationCloses, String audience, String presentedItems) {

    static EventInput of(MultivaluedMap<String, String> f) {
        return new EventInput(f.getFirst("type"), f.getFirst("title"), f.getFirst("description"),
                f.getFirst("startsAt"), f.getFirst("endsAt"), f.getFirst("place"), f.getFirst("address"),
                f.getFirst("district"), f.getFirst("onlineLink"), f.getFirst("organiser"), f.getFirst("capacity"),
                f.getFirst("registrationOpens"), f.getFirst("registrationCloses"), f.getFirst("audience"),
                f.getFirst("presentedItems"));
    }

    /** The values to show again in a re-rendered form. */
    Map<String, String> values() {
        Map<String, String> v = new LinkedHashMap<>();
        v.put("type", type);
        v.put("title", title);
        v.put("description", description);
        v.put("startsAt", startsAt);
        v.put("endsAt", endsAt);
        v.put("place", place);
        v.put("address", address);
        v.put("district", district);
        v.put("onlineLink", onlineLink);
        v.put("organiser", organiser);
        v.put("capacity", capacity);
        v.put("registrationOpens", registrationOpens);
        v.put("registrationCloses", registrationCloses);
        v.put("audience", audience);
        v.put("presentedItems", presentedItems);
        v.replaceAll((k, x) -> x == null ? "" : x);
        return v;
    }
}
