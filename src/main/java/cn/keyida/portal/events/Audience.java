package cn.keyida.portal.events;

/** Whom an event is for; anyone logged in may still register. */
public enum Audience {
    ENTERPRISES("企业"),
    INSTITUTIONS("高校院所"),
    PUBLIC("社会公众");

    public final String label;

    Audience(String label) {
        this.label = label;
    }
}
