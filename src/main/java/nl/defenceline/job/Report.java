package nl.defenceline.job;

import static org.apache.spark.sql.functions.col;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.function.Function;
import java.util.function.Predicate;
import nl.defenceline.publish.Output;
import nl.defenceline.publish.PageSection;
import nl.defenceline.publish.ProductCards;
import nl.defenceline.publish.Publisher;
import nl.defenceline.publish.ReportTable;
import nl.defenceline.publish.Table;
import nl.defenceline.schema.ReportColumns;
import nl.defenceline.schema.Source;
import org.apache.spark.api.java.function.ForeachPartitionFunction;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * One declared report: what it is computed from and how it is published. {@link Reports#ALL} lists them; the job,
 * the pages, the list of written files and the summary all follow from that list.
 *
 * @param compute   the rows of the report from the run's inputs: Datasets in, Dataset out, no I/O
 * @param requires  an optional source the report cannot do without; when the export has no usable rows of it, the
 *                  file holds one note row saying so
 * @param when      whether the run writes the report at all (rejects only when there are any)
 * @param streamed  for reports that grow with the data: the columns its one file is sorted by, written by one executor
 *                  task, never collected to the driver; empty for small reports, which are collected
 */
record Report(Output output, Function<ReportInputs, Dataset<Row>> compute, Source requires,
              Predicate<ReportInputs> when, List<ReportColumns> streamed) {

    /** A small report, collected to the driver and written as a CSV file. */
    static Report csv(String file, Function<ReportInputs, Dataset<Row>> compute) {
        return new Report(Output.csv(file), compute, null, in -> true, List.of());
    }

    /** A small report shown only on the pages. */
    static Report pageOnly(PageSection page, Function<ReportInputs, Dataset<Row>> compute) {
        return new Report(Output.pageOnly(page), compute, null, in -> true, List.of());
    }

    /** A report that grows with the data, written sorted by {@code order} by one executor task. */
    static Report streamed(String file, Function<ReportInputs, Dataset<Row>> compute, ReportColumns... order) {
        return new Report(Output.csv(file), compute, null, in -> true, List.of(order));
    }

    Report translated(ReportColumns column, ReportColumns keyColumn, String prefix, String suffix, String fallback) {
        return new Report(output.translated(column, keyColumn, prefix, suffix, fallback), compute, requires, when,
                streamed);
    }

    Report freeText(ReportColumns... columns) {
        return new Report(output.freeText(columns), compute, requires, when, streamed);
    }

    Report onDashboard(PageSection section) {
        return new Report(output.onDashboard(section), compute, requires, when, streamed);
    }

    Report perOwner(ReportColumns indexColumn) {
        return new Report(output.perOwner(indexColumn), compute, requires, when, streamed);
    }

    Report perOwner(ReportColumns indexColumn, PageSection section) {
        return new Report(output.perOwner(indexColumn, section), compute, requires, when, streamed);
    }

    Report perOwnerFileOnly(ReportColumns indexColumn) {
        return new Report(output.perOwnerFileOnly(indexColumn), compute, requires, when, streamed);
    }

    Report onCard(ProductCards.Part part) {
        return new Report(output.onCard(part), compute, requires, when, streamed);
    }

    Report requires(Source source) {
        return new Report(output, compute, source, when, streamed);
    }

    Report when(Predicate<ReportInputs> condition) {
        return new Report(output, compute, requires, condition, streamed);
    }

    /** Whether the export lacks the input this report cannot do without. */
    boolean inputMissing(ReportInputs inputs) {
        return requires != null && inputs.ingested(requires).used() == 0;
    }

    /** Computes a small report, collects it and publishes it; a report whose input is missing gets a note row. */
    ReportTable publish(ReportInputs inputs, Publisher publisher) {
        return inputMissing(inputs) ? publisher.publishUnavailable(output, requires.fileStem())
                : publisher.publish(output, collected(compute.apply(inputs)));
    }

    private static Table collected(Dataset<Row> report) {
        List<List<Object>> rows = new ArrayList<>();
        for (Row row : report.collectAsList()) {
            rows.add(valuesOf(row));
        }
        return new Table(List.of(report.columns()), rows);
    }

    /**
     * Writes a report that may be large as one sorted CSV, by one Spark task on an executor: its rows never pass
     * through the driver.
     */
    Void stream(Dataset<Row> rows, Publisher publisher) {
        writeFromOneTask(output, rows, streamed.stream().map(c -> col(c.column())).toArray(Column[]::new), publisher);
        return null;
    }

    /** Static, so the task closes over the Output alone, not over this record and its compute function. */
    private static void writeFromOneTask(Output output, Dataset<Row> rows, Column[] order, Publisher publisher) {
        List<String> header = List.of(rows.columns());
        if (rows.isEmpty()) {
            // Adaptive execution runs no task at all over an empty shuffle: the header is written here instead.
            publisher.publish(output, header, java.util.Collections.emptyIterator());
            return;
        }
        rows.repartition(1).sortWithinPartitions(order).foreachPartition((ForeachPartitionFunction<Row>) partition ->
                publisher.publish(output, header, new Iterator<>() {
                    @Override
                    public boolean hasNext() {
                        return partition.hasNext();
                    }

                    @Override
                    public List<Object> next() {
                        return valuesOf(partition.next());
                    }
                }));
    }

    private static List<Object> valuesOf(Row row) {
        List<Object> values = new ArrayList<>(row.size());
        for (int i = 0; i < row.size(); i++) {
            values.add(row.get(i));
        }
        return values;
    }
}
