package cn.keyida.portal.search;

import cn.keyida.portal.web.InvalidInputException;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Chinese S&T abbreviations and synonyms (高企 = 高新技术企业 …), expanded at query time because the
 * Elasticsearch distribution has no synonym filter. Staff edit the groups in PostgreSQL; each instance
 * rereads them at most {@link #TTL} later.
 */
@ApplicationScoped
public class Synonyms {

    static final Duration TTL = Duration.ofSeconds(30);

    private volatile List<List<String>> groups;
    private volatile long loadedAt;

    /** The term itself first, then the term with each known equivalent substituted. */
    public List<String> variants(String term) {
        Set<String> out = new LinkedHashSet<>();
        out.add(term);
        for (List<String> group : groups()) {
            for (String word : group) {
                if (term.contains(word)) {
                    for (String other : group) {
                        if (!other.equals(word) && !term.contains(other)) {
                            out.add(term.replace(word, other));
                        }
                    }
                }
            }
        }
        return List.copyOf(out);
    }

    @Transactional
    public void add(String input) {
        List<String> terms = Arrays.stream(input == null ? new String[0] : input.split("[,，、\\s]+"))
                .map(String::strip).filter(s -> !s.isEmpty()).distinct().toList();
        if (terms.size() < 2) {
            throw new InvalidInputException("请至少填写两个同义词，用逗号分隔，如：高企，高新技术企业");
        }
        String joined = String.join(",", terms);
        if (joined.length() > 500 || terms.stream().anyMatch(t -> t.length() > 50)) {
            throw new InvalidInputException("同义词过长");
        }
        if (SearchSynonym.count("terms", joined) > 0) {
            throw new InvalidInputException("该同义词组已存在");
        }
        SearchSynonym s = new SearchSynonym();
        s.terms = joined;
        s.persist();
        groups = null;
    }

    /** The synonym groups as staff edit them. */
    @Transactional
    public List<SearchSynonym> list() {
        return SearchSynonym.listAllSorted();
    }

    @Transactional
    public void delete(long id) {
        SearchSynonym.deleteById(id);
        groups = null;
    }

    private List<List<String>> groups() {
        List<List<String>> g = groups;
        if (g == null || System.nanoTime() - loadedAt > TTL.toNanos()) {
            g = QuarkusTransaction.requiringNew().call(() -> SearchSynonym.listAllSorted().stream()
                    .map(SearchSynonym::termList).toList());
            groups = g;
            loadedAt = System.nanoTime();
        }
        return g;
    }
}
