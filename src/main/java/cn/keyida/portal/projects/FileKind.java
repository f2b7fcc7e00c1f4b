package cn.keyida.portal.projects;

import java.util.Arrays;
import java.util.Optional;

/** The kinds of attachment a call can require. */
public enum FileKind {
    PROPOSAL("项目申报书"),
    FEASIBILITY("可行性研究报告"),
    LICENCE("营业执照或法人证书"),
    COOPERATION("合作协议"),
    FINANCIALS("财务报表"),
    OTHER("其他材料");

    public final String label;

    FileKind(String label) {
        this.label = label;
    }

    public static Optional<FileKind> of(String name) {
        return Arrays.stream(values()).filter(k -> k.name().equals(name)).findFirst();
    }
}
