package cn.keyida.portal.common;

import java.util.List;

/**
 * A feature's part of the public figures page ({@code /service-performance}) and of the staff dashboard,
 * as plain tables of text: the pages (in needs) show every implementation without importing the feature
 * that computes it, as search reads every {@code SearchDocumentSource}.
 */
public interface FigureSection {

    /** A table: {@code id} names it for the page ({@code data-table}), rows are cells as text. */
    record Table(String id, String caption, List<String> header, List<List<String>> rows) {}

    /** Headline figures (label → value, {@code id} for the page), the tables, a note and the export link. */
    record Section(String id, String title, String note, List<Headline> headlines, List<Table> tables, String exportUrl) {}

    record Headline(String id, String label, String value) {}

    /** What anybody may see: small groups left out. */
    Section publicFigures();

    /** What staff see: every group. */
    Section staffFigures();
}
