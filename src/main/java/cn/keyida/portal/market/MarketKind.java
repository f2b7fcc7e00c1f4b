package cn.keyida.portal.market;

/** The two sides of the market; {@code type} is the search content type. */
public enum MarketKind {
    DEMAND("技术需求", "demand", "demands"),
    ACHIEVEMENT("科技成果", "achievement", "achievements");

    public final String label;
    public final String type;
    public final String path;

    MarketKind(String label, String type, String path) {
        this.label = label;
        this.type = type;
        this.path = path;
    }

    public MarketKind other() {
        return this == DEMAND ? ACHIEVEMENT : DEMAND;
    }

    public static java.util.Optional<MarketKind> fromPath(String path) {
        for (MarketKind k : values()) {
            if (k.path.equals(path)) {
                return java.util.Optional.of(k);
            }
        }
        return java.util.Optional.empty();
    }
}
