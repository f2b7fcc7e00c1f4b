package cn.keyida.portal.projects;

import cn.keyida.portal.web.ConflictException;
import cn.keyida.portal.web.InvalidInputException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jboss.resteasy.reactive.server.multipart.FormValue;
import org.jboss.resteasy.reactive.server.multipart.MultipartFormDataInput;

/** The application form as posted (multipart: repeated budget and team rows, one file input per kind). */
final class ProjectForms {

    static final int BUDGET_ROWS = 8;
    static final int TEAM_ROWS = 5;

    record Posted(Map<String, String> values, Map<String, List<String>> lists, Map<FileKind, ProjectInput.Upload> files) {

        String get(String name) {
            return values.get(name);
        }

        List<String> list(String name) {
            return lists.getOrDefault(name, List.of());
        }

        ProjectWorkflow.ApplicationInput input() {
            return new ProjectWorkflow.ApplicationInput(get("fieldCode"), get("title"), get("summary"),
                    get("requestedAmount"), get("selfFunding"), get("contactPerson"), get("contactMobile"),
                    list("budgetItem"), list("budgetAmount"), list("memberName"), list("memberTitle"),
                    list("memberOrganisation"), list("memberRole"));
        }

        /** What the form shows again after an error (files must be chosen again). */
        Map<String, Object> redisplay() {
            Map<String, Object> v = new LinkedHashMap<>(values);
            v.put("budgetItems", list("budgetItem"));
            v.put("budgetAmounts", list("budgetAmount"));
            v.put("memberNames", list("memberName"));
            v.put("memberTitles", list("memberTitle"));
            v.put("memberOrganisations", list("memberOrganisation"));
            v.put("memberRoles", list("memberRole"));
            return v;
        }
    }

    /** One budget row and one team row as the template shows them. */
    public record BudgetRow(int index, String item, String amount) {
        public int number() {
            return index + 1;
        }

        public String itemKey() {
            return "budgetItem" + index;
        }

        public String amountKey() {
            return "budgetAmount" + index;
        }
    }

    public record MemberRow(int index, String name, String title, String organisation, String role) {
        public int number() {
            return index + 1;
        }

        public String nameKey() {
            return "memberName" + index;
        }
    }

    private ProjectForms() {}

    static Posted read(MultipartFormDataInput input) {
        Map<String, String> values = new LinkedHashMap<>();
        Map<String, List<String>> lists = new LinkedHashMap<>();
        Map<FileKind, ProjectInput.Upload> files = new LinkedHashMap<>();
        for (Map.Entry<String, Collection<FormValue>> e : input.getValues().entrySet()) {
            for (FormValue v : e.getValue()) {
                if (v.isFileItem()) {
                    if (e.getKey().startsWith("file") && v.getFileName() != null && !v.getFileName().isBlank()) {
                        FileKind.of(e.getKey().substring(4)).ifPresent(k -> files.put(k, new ProjectInput.Upload(
                                v.getFileName(), bytes(v))));
                    }
                    continue;
                }
                values.putIfAbsent(e.getKey(), v.getValue());
                lists.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).add(v.getValue());
            }
        }
        return new Posted(values, lists, files);
    }

    private static byte[] bytes(FormValue v) {
        try (InputStream in = v.getFileItem().getInputStream()) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @SuppressWarnings("unchecked")
    static List<BudgetRow> budgetRows(Map<String, Object> values) {
        List<String> items = (List<String>) values.getOrDefault("budgetItems", List.of());
        List<String> amounts = (List<String>) values.getOrDefault("budgetAmounts", List.of());
        int n = Math.max(BUDGET_ROWS, Math.max(items.size(), amounts.size()) + 2);
        List<BudgetRow> rows = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            rows.add(new BudgetRow(i, i < items.size() ? items.get(i) : "", i < amounts.size() ? amounts.get(i) : ""));
        }
        return rows;
    }

    @SuppressWarnings("unchecked")
    static List<MemberRow> memberRows(Map<String, Object> values) {
        List<String> names = (List<String>) values.getOrDefault("memberNames", List.of());
        List<String> titles = (List<String>) values.getOrDefault("memberTitles", List.of());
        List<String> orgs = (List<String>) values.getOrDefault("memberOrganisations", List.of());
        List<String> roles = (List<String>) values.getOrDefault("memberRoles", List.of());
        int n = Math.max(TEAM_ROWS, names.size() + 2);
        List<MemberRow> rows = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            rows.add(new MemberRow(i, at(names, i), at(titles, i), at(orgs, i), at(roles, i)));
        }
        return rows;
    }

    private static String at(List<String> l, int i) {
        return i < l.size() && l.get(i) != null ? l.get(i) : "";
    }

    static int status(RuntimeException e) {
        return e instanceof ConflictException ? 409 : 400;
    }

    static boolean handled(RuntimeException e) {
        return e instanceof InvalidInputException || e instanceof ConflictException;
    }
}
