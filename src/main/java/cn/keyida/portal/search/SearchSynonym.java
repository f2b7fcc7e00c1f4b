package cn.keyida.portal.search;

import cn.keyida.portal.common.BaseEntity;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.util.List;

/** One group of equivalent search terms, e.g. {@code 高企,高新技术企业}; edited by staff. */
@Entity
@Table(name = "search_synonym")
public class SearchSynonym extends BaseEntity {

    public String terms;

    public List<String> termList() {
        return List.of(terms.split(","));
    }

    public static List<SearchSynonym> listAllSorted() {
        return list("order by terms");
    }
}
