package cn.keyida.portal.search;

import cn.keyida.portal.common.BaseEntity;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import java.util.List;

/**
 * Edited by staff: a group of equivalent search terms ({@link Kind#SYNONYM}, e.g. {@code 高企,高新技术企业})
 * or one word a search never requires ({@link Kind#FILLER}: question, filler and generic words such as 怎么, 条件).
 */
@Entity
@Table(name = "search_synonym")
public class SearchSynonym extends BaseEntity {

    public enum Kind { SYNONYM, FILLER }

    public String terms;

    @Enumerated(EnumType.STRING)
    public Kind kind = Kind.SYNONYM;

    public List<String> termList() {
        return List.of(terms.split(","));
    }

    public static List<SearchSynonym> listAllSorted() {
        return list("order by terms");
    }

    public static List<SearchSynonym> listSorted(Kind kind) {
        return list("kind = ?1 order by terms", kind);
    }
}
