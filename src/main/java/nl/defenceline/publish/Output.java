package nl.defenceline.publish;

import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;
import nl.defenceline.schema.ReportColumns;

/**
 * One report as the publisher sees it: its file, which of its columns are customer free text (redacted on the way
 * out, by the publisher), its section of the pages, and whether each product-page owner gets their own rows of it.
 *
 * @param file       path below the report folder, or null for a report that is only shown on the pages
 * @param freeText   columns holding customers' words; every writer redacts them
 * @param page       how it shows on a page, or null for a file only
 * @param dashboard  whether the section is on index.html (owners' pages show every per-owner report's section)
 * @param ownerIndex the column of owners/index.csv that counts the rows of this report on an owner's page, or null
 *                   when the report is not split per owner (a split report needs a {@code sku} column)
 * @param translations the human-readable columns the publisher writes in the run's language
 * @param card       the part of the product cards this report's rows fill, or null (see {@link ProductCards})
 */
public record Output(String file, List<ReportColumns> freeText, PageSection page, boolean dashboard,
                     ReportColumns ownerIndex, List<Translation> translations, ProductCards.Part card)
        implements java.io.Serializable {

    public Output {
        freeText = List.copyOf(freeText);
        translations = List.copyOf(translations);
        if (file == null && page == null && card == null) {
            throw new IllegalArgumentException("an output is written to a file, shown on a page or a card, or both");
        }
    }

    /** A report written as a CSV file. */
    public static Output csv(String file) {
        return new Output(Objects.requireNonNull(file), List.of(), null, false, null, List.of(), null);
    }

    /** A report that is only shown on the pages (e.g. quotes), never written as a file of its own. */
    public static Output pageOnly(PageSection page) {
        return new Output(null, List.of(), page, true, null, List.of(), null);
    }

    public Output freeText(ReportColumns... columns) {
        return new Output(file, List.of(columns), page, dashboard, ownerIndex, translations, card);
    }

    public Output onDashboard(PageSection section) {
        return new Output(file, freeText, section, true, ownerIndex, translations, card);
    }

    /** Splits the report per owner, shown on their pages with its dashboard section. */
    public Output perOwner(ReportColumns indexColumn) {
        if (page == null) {
            throw new IllegalStateException("declare the page section of " + file + " before splitting it per owner");
        }
        return new Output(file, freeText, page, dashboard, indexColumn, translations, card);
    }

    /** Splits the report per owner as a file in their folder only, without a section of its own on their page. */
    public Output perOwnerFileOnly(ReportColumns indexColumn) {
        return new Output(Objects.requireNonNull(file), freeText, page, dashboard, indexColumn, translations, card);
    }

    /** Fills {@code part} of the product cards on the pages with this report's rows. */
    public Output onCard(ProductCards.Part part) {
        return new Output(file, freeText, page, dashboard, ownerIndex, translations, part);
    }

    /** Splits the report per owner, shown on their pages only, with this section. */
    public Output perOwner(ReportColumns indexColumn, PageSection section) {
        return new Output(file, freeText, section, false, indexColumn, translations, card);
    }

    /** Writes {@code column} in the run's language; see {@link Translation}. */
    public Output translated(ReportColumns column, ReportColumns keyColumn, String prefix, String suffix,
                             String fallback) {
        List<Translation> all = new java.util.ArrayList<>(translations);
        all.add(new Translation(column, keyColumn, prefix, suffix, fallback));
        return new Output(file, freeText, page, dashboard, ownerIndex, all, card);
    }

    /** The table with its declared columns in the language of {@code messages}. */
    public Table translated(Table table, Messages messages) {
        if (translations.isEmpty() || table.rows().isEmpty()) {
            return table;
        }
        List<List<Object>> rows = new java.util.ArrayList<>();
        for (List<Object> row : table.rows()) {
            List<Object> copy = new java.util.ArrayList<>(row);
            for (Translation translation : translations) {
                int column = table.columnIndex(translation.column().column());
                Object key = row.get(table.columnIndex(translation.keyColumn().column()));
                String text = key == null ? null : messages.find(translation.key(key));
                if (text == null && key != null && translation.fallback() != null) {
                    text = messages.get(translation.fallback());
                }
                if (text != null) {
                    copy.set(column, text);
                }
            }
            rows.add(copy);
        }
        return new Table(table.header(), rows);
    }

    public boolean splitPerOwner() {
        return ownerIndex != null;
    }

    /** The table with its free-text columns redacted. */
    public Table redacted(Table table, Pattern orderNumbers) {
        if (freeText.isEmpty()) {
            return table;
        }
        int[] indexes = freeTextIndexes(table.header());
        List<List<Object>> rows = table.rows().stream().map(row -> redacted(row, indexes, orderNumbers)).toList();
        return new Table(table.header(), rows);
    }

    /** A row (values in header order) with the cells at {@code indexes} redacted; for rows streamed by an executor. */
    public static List<Object> redacted(List<Object> row, int[] indexes, Pattern orderNumbers) {
        List<Object> copy = new java.util.ArrayList<>(row);
        for (int index : indexes) {
            copy.set(index, Redactor.redact((String) copy.get(index), orderNumbers));
        }
        return copy;
    }

    /** The positions of the free-text columns in a header. */
    public int[] freeTextIndexes(List<String> header) {
        return freeText.stream().mapToInt(c -> {
            int index = header.indexOf(c.column());
            if (index < 0) {
                throw new IllegalArgumentException("free-text column " + c.column() + " not in " + file + ": "
                        + header);
            }
            return index;
        }).toArray();
    }
}
