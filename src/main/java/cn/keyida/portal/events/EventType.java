package cn.keyida.portal.events;

/** The kinds of event the bureau runs. */
public enum EventType {
    BRIEFING("政策宣讲会"),
    FORUM("座谈会"),
    MATCHMAKING("供需对接会"),
    TRAINING("培训"),
    SCIENCE_WEEK("科技活动周"),
    OUTREACH("科普活动"),
    ROADSHOW("路演");

    public final String label;

    EventType(String label) {
        this.label = label;
    }
}
