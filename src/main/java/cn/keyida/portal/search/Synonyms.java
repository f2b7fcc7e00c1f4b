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
 * Elasticsearch distribution has no synonym filter, and the filler words a search never requires
 * (怎么, 如何, 条件 …). Staff edit both in PostgreSQL; each instance rereads them at most {@link #TTL} later.
 */
@ApplicationScoped
public class Synonyms {

    static final Duration TTL = Duration.ofSeconds(30);

    private record Words(List<List<String>> groups, Set<String> fillers) {}

    private volatile Words words;
    private volatile long loadedAt;

    /** The synonym groups, each a list of equivalent terms. */
    public List<List<String>> groupList() {
        return words().groups();
    }

    /** Question, filler and generic words: recognised in a query and never required. */
    public Set<String> fillers() {
        return words().fillers();
    }

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
        add(input, SearchSynonym.Kind.SYNONYM);
    }

    /** A synonym group, or for {@link SearchSynonym.Kind#FILLER} one row per word given. */
    @Transactional
    public void add(String input, SearchSynonym.Kind kind) {
        List<String> terms = Arrays.stream(input == null ? new String[0] : input.split("[,，、\\s]+"))
                .map(String::strip).filter(s -> !s.isEmpty()).distinct().toList();
        if (kind == SearchSynonym.Kind.FILLER) {
            if (terms.isEmpty()) {
                throw new InvalidInputException("请至少填写一个词，多个词用逗号分隔，如：怎么，如何");
            }
            if (terms.size() > 50 || terms.stream().anyMatch(t -> t.length() > 20)) {
                throw new InvalidInputException("提问词过长或过多");
            }
            for (String t : terms) {
                if (SearchSynonym.count("terms", t) == 0) {
                    SearchSynonym s = new SearchSynonym();
                    s.terms = t;
                    s.kind = kind;
                    s.persist();
                }
            }
            words = null;
            return;
        }
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
        words = null;
    }

    /** The synonym groups as staff edit them. */
    @Transactional
    public List<SearchSynonym> list() {
        return SearchSynonym.listSorted(SearchSynonym.Kind.SYNONYM);
    }

    /** The filler words as staff edit them. */
    @Transactional
    public List<SearchSynonym> listFillers() {
        return SearchSynonym.listSorted(SearchSynonym.Kind.FILLER);
    }

    @Transactional
    public void delete(long id) {
        SearchSynonym.deleteById(id);
        words = null;
    }

    private List<List<String>> groups() {
        return words().groups();
    }

    private Words words() {
        Words w = words;
        if (w == null || System.nanoTime() - loadedAt > TTL.toNanos()) {
            w = QuarkusTransaction.requiringNew().call(() -> {
                List<SearchSynonym> all = SearchSynonym.listAllSorted();
                return new Words(all.stream().filter(s -> s.kind == SearchSynonym.Kind.SYNONYM)
                                .map(SearchSynonym::termList).toList(),
                        Set.copyOf(all.stream().filter(s -> s.kind == SearchSynonym.Kind.FILLER)
                                .map(s -> s.terms).toList()));
            });
            words = w;
            loadedAt = System.nanoTime();
        }
        return w;
    }
}
