package cn.keyida.portal.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.keyida.portal.web.InvalidInputException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The one reader and writer of search parameters: what one writes, the other reads back. */
class SearchQueryTest {

    @Test
    void aWrittenSearchReadsBackAsTheSameSearch() {
        SearchQuery query = SearchQuery.parse(Map.of("q", List.of(" 高企 认定 "), "type", List.of("policy", "finance"),
                "level", List.of("national"), "sort", List.of("date"), "page", List.of("3")), 10);
        SearchQuery read = SearchQuery.fromUrlQuery(query.pageHref().substring("/search?".length()));
        assertThat(read.q()).isEqualTo("高企 认定");
        assertThat(read.filters()).isEqualTo(query.filters());
        assertThat(read.sort()).isEqualTo(SearchQuery.Sort.DATE);
        assertThat(read.page()).isEqualTo(3);
    }

    @Test
    void linksCarrySortAndPageOnlyWhenNotTheDefaultAndFacetsInTheirFixedOrder() {
        SearchQuery query = SearchQuery.fromUrlQuery("level=national&q=a%26b&type=policy");
        assertThat(query.toUrlQuery()).isEqualTo("q=a%26b&type=policy&level=national");
        assertThat(query.pageHref()).isEqualTo("/search?q=a%26b&type=policy&level=national");
        assertThat(query.feedHref()).isEqualTo("/search.atom?q=a%26b&type=policy&level=national");
        assertThat(query.with(Map.of(), SearchQuery.Sort.DATE, 2).pageHref()).isEqualTo("/search?q=a%26b&sort=date&page=2");
    }

    @Test
    void facetValuesAreCleanedAndUnknownParametersIgnored() {
        SearchQuery query = SearchQuery.fromUrlQuery("type=&type=policy&type=policy&region=" + "x".repeat(300) + "&foo=bar");
        assertThat(query.filters()).containsOnlyKeys("type", "region");
        assertThat(query.filters().get("type")).containsExactly("policy");
        assertThat(query.filters().get("region").get(0)).hasSize(200);
    }

    @Test
    void badPagingAndSortAreRefused() {
        for (String bad : List.of("size=101", "page=0", "page=abc", "sort=random", "page=200&size=100")) {
            assertThatThrownBy(() -> SearchQuery.fromUrlQuery(bad))
                    .as(bad).isInstanceOf(InvalidInputException.class);
        }
    }
}
