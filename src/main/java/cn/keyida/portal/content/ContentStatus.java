package cn.keyida.portal.content;

public enum ContentStatus {
    DRAFT("草稿"),
    PUBLISHED("已发布"),
    ARCHIVED("已归档");

    public final String label;

    ContentStatus(String label) {
        this.label = label;
    }
}
