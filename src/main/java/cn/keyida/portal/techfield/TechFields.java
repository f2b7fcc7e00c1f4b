package cn.keyida.portal.techfield;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Optional;

/**
 * The coded technology field list, one small shared directory (the market's demands and achievements
 * now, the expert pool later); it owns {@code tech_field}.
 */
@ApplicationScoped
public class TechFields {

    /** A field as callers see it: code, Chinese name and the codes of its neighbours. */
    public record Field(String code, String name, java.util.Set<String> neighbours) {}

    public enum Closeness { SAME, NEIGHBOUR, OTHER }

    @Transactional
    public List<Field> all() {
        return TechField.<TechField>list("order by sort").stream().map(TechFields::of).toList();
    }

    @Transactional
    public Optional<Field> find(String code) {
        return code == null ? Optional.empty() : TechField.<TechField>findByIdOptional(code).map(TechFields::of);
    }

    public String name(String code) {
        return find(code).map(Field::name).orElse(code == null ? "" : code);
    }

    /** Same field, a neighbouring one (either side names the other), or unrelated. */
    public static Closeness closeness(Field a, Field b) {
        if (a.code().equals(b.code())) {
            return Closeness.SAME;
        }
        return a.neighbours().contains(b.code()) || b.neighbours().contains(a.code()) ? Closeness.NEIGHBOUR
                : Closeness.OTHER;
    }

    private static Field of(TechField f) {
        return new Field(f.code, f.name, f.neighbourCodes());
    }
}
