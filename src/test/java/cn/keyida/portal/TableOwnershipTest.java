package cn.keyida.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * One owner per table (docs/ARCHITECTURE.md): only the owning package names a table in SQL or maps it
 * to an entity; every other package goes through the owner's service or its events.
 */
class TableOwnershipTest {

    /** Table → the package that owns it. A new migration's table must be added here. */
    static final Map<String, String> OWNERS = Map.ofEntries(
            Map.entry("content_item", "content"), Map.entry("content_audit", "content"),
            Map.entry("search_outbox", "search"), Map.entry("search_log", "search"),
            Map.entry("search_synonym", "search"),
            Map.entry("eligibility", "matching"), Map.entry("enterprise_message", "matching"),
            Map.entry("subscription", "subscription"),
            Map.entry("enterprise_profile", "enterprise"),
            Map.entry("need", "needs"), Map.entry("need_number", "needs"), Map.entry("need_event", "needs"),
            Map.entry("need_attachment", "needs"), Map.entry("need_followup", "needs"),
            Map.entry("need_callback", "needs"), Map.entry("need_category", "needs"),
            Map.entry("callback_link", "needs"), Map.entry("need_link", "needs"),
            Map.entry("voucher_batch", "vouchers"), Map.entry("voucher_provider", "vouchers"),
            Map.entry("voucher_offer", "vouchers"), Map.entry("voucher", "vouchers"),
            Map.entry("voucher_file", "vouchers"), Map.entry("voucher_event", "vouchers"),
            Map.entry("event", "events"), Map.entry("event_registration", "events"),
            Map.entry("event_timeline", "events"), Map.entry("event_pairing", "events"),
            Map.entry("service_visit", "visits"), Map.entry("visit_need", "visits"),
            Map.entry("voucher_review", "vouchers"),
            Map.entry("tech_field", "techfield"), Map.entry("institution_profile", "market"),
            Map.entry("market_item", "market"), Map.entry("market_event", "market"), Map.entry("market_match", "market"),
            Map.entry("market_case", "market"), Map.entry("market_followup", "market"),
            Map.entry("market_case_limit", "market"), Map.entry("market_broker", "market"),
            Map.entry("market_attachment", "market"),
            Map.entry("expert", "experts"), Map.entry("expert_event", "experts"),
            Map.entry("project_call", "projects"), Map.entry("project_application", "projects"),
            Map.entry("project_budget_line", "projects"), Map.entry("project_team_member", "projects"),
            Map.entry("project_file", "projects"), Map.entry("project_event", "projects"),
            Map.entry("project_draw", "projects"), Map.entry("project_review", "projects"),
            Map.entry("project_conflict", "projects"), Map.entry("project_objection", "projects"),
            Map.entry("expert_assignment", "experts"), Map.entry("expert_advice", "experts"),
            Map.entry("expert_rating", "experts"),
            Map.entry("calendar_day", "calendar"),
            Map.entry("staff_member", "staff"), Map.entry("department", "staff"),
            Map.entry("mail_outbox", "mail"), Map.entry("mail_attachment", "mail"),
            Map.entry("rate_limit_bucket", "web"),
            Map.entry("ended_session", "security"));

    private static final Path MAIN = Path.of("src/main/java/cn/keyida/portal");
    private static final Pattern STRING = Pattern.compile("\"\"\"(.*?)\"\"\"|\"((?:[^\"\\\\\\n]|\\\\.)*)\"", Pattern.DOTALL);
    private static final Pattern SQL_TABLE = Pattern.compile(
            "\\b(?:from|join|into|update|table|exists)\\s+([a-z_]+)\\b");
    private static final Pattern TABLE_ANNOTATION = Pattern.compile("@Table\\(name = \"([a-z_]+)\"\\)");

    @Test
    void everyTableOfTheMigrationsHasAnOwner() throws IOException {
        Set<String> created = new TreeSet<>();
        try (Stream<Path> files = Files.list(Path.of("src/main/resources/db/migration"))) {
            for (Path f : files.toList()) {
                Matcher m = Pattern.compile("(?i)create table (?:if not exists )?([a-z_]+)").matcher(Files.readString(f));
                while (m.find()) {
                    created.add(m.group(1).toLowerCase());
                }
            }
        }
        assertThat(created).isNotEmpty();
        assertThat(OWNERS.keySet()).containsExactlyInAnyOrderElementsOf(created);
    }

    @Test
    void onlyTheOwnerNamesItsTablesInSqlOrMapsThemToEntities() {
        List<String> violations = new ArrayList<>();
        int references = 0;
        for (Path file : javaFiles()) {
            String pkg = MAIN.relativize(file).getNameCount() > 1 ? MAIN.relativize(file).getName(0).toString() : "";
            String source = read(file);
            Matcher a = TABLE_ANNOTATION.matcher(source);
            while (a.find()) {
                references++;
                check(violations, file, pkg, a.group(1));
            }
            Matcher s = STRING.matcher(source);
            while (s.find()) {
                String literal = s.group(1) != null ? s.group(1) : s.group(2);
                Matcher t = SQL_TABLE.matcher(literal);
                while (t.find()) {
                    if (OWNERS.containsKey(t.group(1))) {
                        references++;
                        check(violations, file, pkg, t.group(1));
                    }
                }
            }
        }
        assertThat(references).as("table references found (the scan works)").isGreaterThan(30);
        assertThat(violations).isEmpty();
    }

    private static void check(List<String> violations, Path file, String pkg, String table) {
        String owner = OWNERS.get(table);
        if (owner == null || !owner.equals(pkg)) {
            violations.add(MAIN.relativize(file) + " uses table " + table + " (owner: " + owner + ")");
        }
    }

    private static List<Path> javaFiles() {
        try (Stream<Path> files = Files.walk(MAIN)) {
            return files.filter(f -> f.toString().endsWith(".java")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
