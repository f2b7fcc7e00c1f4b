package cn.keyida.portal.search;

import jakarta.enterprise.context.ApplicationScoped;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Chinese S&T abbreviations and synonyms (高企 = 高新技术企业 …), expanded at query time because the
 * Elasticsearch distribution has no synonym filter. Each line of {@code search/synonyms.txt} is one
 * group of equivalent terms separated by commas.
 */
@ApplicationScoped
public class Synonyms {

    private final List<List<String>> groups = load();

    /** The term itself first, then the term with each known equivalent substituted. */
    public List<String> variants(String term) {
        Set<String> out = new LinkedHashSet<>();
        out.add(term);
        for (List<String> group : groups) {
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

    private static List<List<String>> load() {
        List<List<String>> groups = new ArrayList<>();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(
                Synonyms.class.getResourceAsStream("/search/synonyms.txt"), StandardCharsets.UTF_8))) {
            String line;
            while ((line = r.readLine()) != null) {
                line = line.strip();
                if (!line.isEmpty() && !line.startsWith("#")) {
                    groups.add(List.of(line.split("\\s*,\\s*")));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return groups;
    }
}
