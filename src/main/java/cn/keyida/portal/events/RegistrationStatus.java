package cn.keyida.portal.events;

/** A registration holds a seat, waits in line for one, or was given up. */
public enum RegistrationStatus {
    REGISTERED("已报名"),
    WAITLISTED("候补中"),
    CANCELLED("已取消");

    public final String label;

    RegistrationStatus(String label) {
        this.label = label;
    }
}
