package cn.keyida.portal.search;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import co.elastic.clients.elasticsearch.indices.analyze.AnalyzeToken;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads what a query asks for: its aspects (the words a record should contain, each with its
 * synonyms) and its filler words (question and generic words, never required). Whitespace between
 * Chinese characters carries no meaning, so 研发投入后补助 怎么申请 and 研发投入后补助怎么申请 read alike.
 * Words are cut by the index's own smartcn analyzer (one small request per distinct text, cached).
 */
@ApplicationScoped
class QueryAnalyzer {

    /** One aspect: equivalent wordings, the first as the visitor typed it. */
    record Aspect(List<String> variants) {}

    /** {@code text} is the normalized query (no punctuation, no space between Chinese characters). */
    record Analysis(String text, List<Aspect> aspects, List<String> fillers) {

        boolean isEmpty() {
            return aspects.isEmpty();
        }
    }

    private record Token(String text, int start, int end) {}

    private static final Pattern PUNCT = Pattern.compile(
            "[\\s\\u3000，。、；：？！,.;:?!“”\"'‘’（）()《》<>【】\\[\\]{}·~/\\\\|+\\-_=*&^%$#@`…]+");
    private static final Pattern CJK_SPACE = Pattern.compile("(?<=\\p{IsHan})\\s+(?=\\p{IsHan})");
    private static final int CACHE = 2_000;

    private final ElasticsearchClient client;
    private final SearchConfig config;
    private final Synonyms synonyms;
    private final Map<String, List<Token>> cache = Collections.synchronizedMap(
            new LinkedHashMap<>(256, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<String, List<Token>> eldest) {
                    return size() > CACHE;
                }
            });

    QueryAnalyzer(ElasticsearchClient client, SearchConfig config, Synonyms synonyms) {
        this.client = client;
        this.config = config;
        this.synonyms = synonyms;
    }

    static String normalize(String q) {
        String text = PUNCT.matcher(q == null ? "" : q.toLowerCase(Locale.ROOT)).replaceAll(" ").strip();
        return CJK_SPACE.matcher(text).replaceAll("");
    }

    Analysis analyze(String q) {
        String text = normalize(q);
        if (text.isEmpty()) {
            return new Analysis("", List.of(), List.of());
        }
        List<List<String>> groups = synonyms.groupList();
        Set<String> fillerWords = synonyms.fillers();
        // 1. Synonym words, longest first, each one aspect with its group; cut out of the text.
        List<String> known = groups.stream().flatMap(List::stream).distinct()
                .sorted(Comparator.comparingInt(String::length).reversed()).toList();
        Map<Integer, Aspect> found = new java.util.TreeMap<>();
        StringBuilder rest = new StringBuilder(text);
        for (String w : known) {
            int i;
            while (!w.isEmpty() && (i = rest.indexOf(w)) >= 0) {
                Set<String> variants = new LinkedHashSet<>();
                variants.add(w);
                groups.stream().filter(g -> g.contains(w)).forEach(variants::addAll);
                found.putIfAbsent(i, new Aspect(List.copyOf(variants)));
                rest.replace(i, i + w.length(), " ".repeat(w.length()));
            }
        }
        // 2. The rest cut into words; filler words set aside; single characters joined to their neighbours.
        List<String> fillers = new ArrayList<>();
        String remaining = rest.toString();
        if (!remaining.isBlank()) {
            List<Token> tokens = tokens(remaining);
            List<Token> kept = new ArrayList<>();
            for (int i = 0; i < tokens.size(); i++) {
                Token t = tokens.get(i);
                Token next = i + 1 < tokens.size() ? tokens.get(i + 1) : null;
                if (next != null && next.start() == t.end() && fillerWords.contains(t.text() + next.text())) {
                    fillers.add(t.text() + next.text());
                    i++;
                    continue;
                }
                Token prev = i > 0 ? tokens.get(i - 1) : null;
                // 材料 is a filler word, 新材料 is not: a single character before it makes a word with it.
                boolean joined = prev != null && prev.end() == t.start() && single(prev.text())
                        && !fillerWords.contains(prev.text());
                if (fillerWords.contains(t.text()) && !joined) {
                    fillers.add(t.text());
                } else {
                    kept.add(t);
                }
            }
            units(kept).forEach(u -> found.putIfAbsent(u.start(), new Aspect(List.of(u.text()))));
        }
        List<Aspect> aspects = new ArrayList<>();
        Set<String> seen = new LinkedHashSet<>();
        found.values().forEach(a -> {
            if (seen.add(a.variants().get(0))) {
                aspects.add(a);
            }
        });
        if (aspects.isEmpty()) {
            // A query of filler words only (流程, 政策) still asks for them.
            fillers.stream().distinct().forEach(f -> aspects.add(new Aspect(List.of(f))));
            fillers = List.of();
        }
        return new Analysis(text, List.copyOf(aspects), List.copyOf(new LinkedHashSet<>(fillers)));
    }

    /**
     * Runs of single characters (高|企, 创新|券, 加|计|扣除) are one aspect with the word that follows
     * them, or with the one before when the run ends the text: a record must contain them together.
     */
    private static List<Token> units(List<Token> kept) {
        List<Token> units = new ArrayList<>();
        Token run = null;
        for (Token t : kept) {
            if (run != null && run.end() != t.start()) {
                flush(units, run);
                run = null;
            }
            if (single(t.text())) {
                run = run == null ? t : new Token(run.text() + t.text(), run.start(), t.end());
            } else if (run != null) {
                units.add(new Token(run.text() + t.text(), run.start(), t.end()));
                run = null;
            } else {
                units.add(t);
            }
        }
        if (run != null) {
            flush(units, run);
        }
        return units;
    }

    private static void flush(List<Token> units, Token run) {
        Token last = units.isEmpty() ? null : units.get(units.size() - 1);
        if (run.text().length() == 1 && last != null && last.end() == run.start()) {
            units.set(units.size() - 1, new Token(last.text() + run.text(), last.start(), run.end()));
        } else {
            units.add(run);
        }
    }

    private static boolean single(String token) {
        return token.length() == 1 && Character.UnicodeScript.of(token.codePointAt(0)) == Character.UnicodeScript.HAN;
    }

    /** Every word of the synonym table. */
    List<String> knownWords() {
        return synonyms.groupList().stream().flatMap(List::stream).toList();
    }

    /** The distinct words of a text, two characters or longer, as the index cuts them (not cached). */
    Set<String> words(String text) {
        Set<String> out = new java.util.LinkedHashSet<>();
        if (text == null || text.isBlank()) {
            return out;
        }
        for (Token t : analyzeText(text.length() > 5000 ? text.substring(0, 5000) : text)) {
            if (t.text().codePointCount(0, t.text().length()) >= 2) {
                out.add(t.text());
            }
        }
        return out;
    }

    /** Where the index's words start and end in {@code text}: {@code [starts, ends]} of character offsets. */
    List<Set<Integer>> wordBoundaries(String text) {
        Set<Integer> starts = new java.util.HashSet<>();
        Set<Integer> ends = new java.util.HashSet<>();
        for (Token t : analyzeText(text)) {
            starts.add(t.start());
            ends.add(t.end());
        }
        return List.of(starts, ends);
    }

    private List<Token> tokens(String text) {
        List<Token> cached = cache.get(text);
        if (cached != null) {
            return cached;
        }
        List<Token> result = analyzeText(text);
        cache.put(text, result);
        return result;
    }

    private List<Token> analyzeText(String text) {
        List<Token> out = new ArrayList<>();
        // Offsets across the whole text (words separated by spaces): adjacency is where one ends and the next starts.
        try {
            List<AnalyzeToken> tokens = client.indices().analyze(a -> a.index(config.alias()).analyzer("zh").text(text))
                    .tokens();
            for (AnalyzeToken t : tokens) {
                out.add(new Token(t.token(), (int) t.startOffset(), (int) t.endOffset()));
            }
        } catch (IOException | ElasticsearchException e) {
            throw new SearchUnavailableException(e);
        }
        return List.copyOf(out);
    }
}
