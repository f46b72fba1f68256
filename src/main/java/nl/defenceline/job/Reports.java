package nl.defenceline.job;

import static org.apache.spark.sql.functions.col;

import java.util.List;
import java.util.stream.Stream;
import nl.defenceline.insights.AutomationCandidates;
import nl.defenceline.insights.BusiestHours;
import nl.defenceline.insights.ClassifiedRows;
import nl.defenceline.insights.ComplaintSources;
import nl.defenceline.insights.ContactRate;
import nl.defenceline.insights.EmailAnsweredWithin24h;
import nl.defenceline.insights.Evidence;
import nl.defenceline.insights.FirstResponseTimes;
import nl.defenceline.insights.PeakHoursPerCategory;
import nl.defenceline.insights.ProductComplaints;
import nl.defenceline.insights.ProductPriorities;
import nl.defenceline.insights.ProductQuotes;
import nl.defenceline.insights.RecurringReturnReasons;
import nl.defenceline.insights.RecurringThemes;
import nl.defenceline.insights.RepeatContacts;
import nl.defenceline.insights.RepresentativeQuotes;
import nl.defenceline.insights.ResolutionTimes;
import nl.defenceline.insights.ReturnReasonDisagreements;
import nl.defenceline.insights.StockoutHotspots;
import nl.defenceline.insights.Trends;
import nl.defenceline.insights.UncertainTexts;
import nl.defenceline.publish.PageSection;
import nl.defenceline.publish.PageSection.View;
import nl.defenceline.publish.ProductCards;
import nl.defenceline.schema.IngestColumns;
import nl.defenceline.schema.ReportColumns;
import nl.defenceline.schema.Source;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * Every report of a run, declared once, in the order the dashboard and the owners' pages show them. Adding a report
 * is one class in insights/ and one entry here (and its copy in the message bundle when it has a page section).
 */
final class Reports {

    private static final int QUOTES_PER_CATEGORY = 3;
    private static final int QUOTES_PER_PRODUCT = 3;

    static final List<Report> ALL = Stream.of(Stream.of(
            Report.csv("complaint-sources.csv", in -> ComplaintSources.compute(in.tickets(), in.productNames(),
                            in.config().topProducts(), in.shares()))
                    .translated(ReportColumns.ACTION, ReportColumns.CATEGORY, "category", "action", null)
                    .onDashboard(PageSection.of("complaint-sources", View.PARETO).columns(ReportColumns.CATEGORY,
                            ReportColumns.TICKETS, ReportColumns.SHARE, ReportColumns.SHARE_LOW,
                            ReportColumns.SHARE_HIGH, ReportColumns.CONFIDENT, ReportColumns.ACTION,
                            ReportColumns.TOP_PRODUCTS)),
            Report.pageOnly(PageSection.of("quotes", View.QUOTES),
                            in -> RepresentativeQuotes.compute(in.tickets(), QUOTES_PER_CATEGORY))
                    .freeText(ReportColumns.QUOTE),
            Report.csv("busiest-hours.csv", in -> BusiestHours.compute(in.tickets()))
                    .onDashboard(PageSection.of("busiest-hours", View.HEATMAP)),
            Report.csv("peak-hours-per-category.csv", in -> PeakHoursPerCategory.compute(in.tickets()))
                    .onDashboard(PageSection.of("peak-hours-per-category", View.TABLE)),
            Report.csv("product-priorities.csv", in -> ProductPriorities.compute(in.tickets(), in.returns(),
                            in.stockQuestions(), in.orders(), in.ingested(Source.PRODUCTS).rows(), in.productNames(),
                            trends(in)))
                    .onDashboard(PageSection.of("product-cards", View.CARDS))
                    .perOwner(ReportColumns.PRODUCT_CARDS),
            Report.csv("product-quotes.csv", in -> ProductQuotes.compute(in.tickets(), in.returns(),
                            QUOTES_PER_PRODUCT))
                    .freeText(ReportColumns.QUOTE)
                    .onCard(ProductCards.Part.QUOTES)
                    .perOwnerFileOnly(ReportColumns.PRODUCT_QUOTES),
            Report.csv(ProductCards.EVIDENCE, in -> Evidence.compute(in.tickets(), in.returns(), in.stockQuestions()))
                    .perOwnerFileOnly(ReportColumns.EVIDENCE_ROWS),
            Report.csv("product-complaints.csv", in -> ProductComplaints.compute(in.tickets(), in.productNames()))
                    .perOwner(ReportColumns.PRODUCT_CATEGORY_ROWS, PageSection.of("product-complaints", View.TABLE))
                    .onCard(ProductCards.Part.CATEGORIES),
            Report.csv("recurring-return-reasons.csv", in -> RecurringReturnReasons.compute(in.returns(),
                            in.productNames(), in.orders(), in.config().minRecurrence()))
                    .translated(ReportColumns.FIX, ReportColumns.REASON, "reason", "fix", "reason.shop-code.fix")
                    .onDashboard(PageSection.of("recurring-return-reasons", View.TABLE)
                            .rowsWhere(ReportColumns.RECURRING, true))
                    .perOwner(ReportColumns.RECURRING_RETURN_REASONS)
                    .onCard(ProductCards.Part.RETURN_REASONS)
                    .requires(Source.RETURNS),
            Report.csv("return-reason-disagreements.csv",
                            in -> ReturnReasonDisagreements.compute(in.returns(), in.productNames()))
                    .onDashboard(PageSection.of("return-reason-disagreements", View.TABLE))
                    .perOwner(ReportColumns.DISAGREEMENTS)
                    .requires(Source.RETURNS),
            Report.csv("recurring-themes.csv", in -> RecurringThemes.compute(in.returns(), in.tickets(),
                            in.productNames(), in.config().minRecurrence()))
                    .freeText(ReportColumns.THEME, ReportColumns.QUOTE_1, ReportColumns.QUOTE_2)
                    .perOwner(ReportColumns.RECURRING_THEMES, PageSection.of("recurring-themes", View.TABLE))
                    .onCard(ProductCards.Part.THEMES),
            Report.csv("stockout-hotspots.csv",
                            in -> StockoutHotspots.compute(in.stockQuestions(), in.productNames()))
                    .onDashboard(PageSection.of("stockout-hotspots", View.TABLE))
                    .perOwner(ReportColumns.STOCKOUT_PRODUCTS)
                    .requires(Source.STOCK_QUESTIONS),
            Report.csv("trends.csv", Reports::trends)
                    .onDashboard(PageSection.of("trends", View.TABLE)),
            Report.csv("kpis/first-response.csv", in -> FirstResponseTimes.compute(in.tickets()))
                    .onDashboard(PageSection.of("first-response", View.TABLE).rowsWhere(ReportColumns.HOUR, null)),
            Report.csv("kpis/email-answered-within-24h.csv", in -> EmailAnsweredWithin24h.compute(in.tickets()))
                    .onDashboard(PageSection.of("email-within-24h", View.TABLE)),
            Report.csv("kpis/resolution-time.csv", in -> ResolutionTimes.compute(in.tickets())),
            Report.csv("kpis/repeat-contacts.csv",
                    in -> RepeatContacts.compute(in.tickets(), in.config().repeatDays())),
            Report.csv("kpis/contact-rate.csv", in -> ContactRate.compute(in.tickets(), in.orders()))
                    .requires(Source.ORDERS),
            Report.csv("kpis/automation-candidates.csv", in -> AutomationCandidates.compute(in.tickets()))
                    .freeText(ReportColumns.EXAMPLES)),
            // The reports that grow with the data, each written by one executor task.
            Stream.of(Source.values()).map(Reports::rejects),
            Stream.of(Source.values()).filter(source -> !source.textColumns().isEmpty()).map(Reports::classified),
            Stream.of(Report.streamed("review/uncertain.csv", in -> UncertainTexts.compute(in.categorised()),
                            ReportColumns.SOURCE, ReportColumns.ID)
                    .freeText(ReportColumns.TEXT)))
            .flatMap(reports -> reports).toList();

    private Reports() {
    }

    static Dataset<Row> trends(ReportInputs in) {
        return Trends.compute(in.tickets(), in.window().since(), in.window().until(), in.config().spikeMinimum());
    }

    /** The rejected rows of a source, raw as read (not redacted: they are for the analyst fixing the export). */
    static Report rejects(Source source) {
        return Report.streamed(rejectsFile(source), in -> rejectedRows(in.ingested(source).rejects()),
                        ReportColumns.FILE, ReportColumns.LINE)
                .when(in -> in.ingested(source).rejected() > 0);
    }

    /** Every classified row of a source, without its text, sorted by id. */
    static Report classified(Source source) {
        return Report.streamed("classified/" + source.fileName(),
                in -> ClassifiedRows.compute(in.classified().get(source), source), ReportColumns.ID);
    }

    static String rejectsFile(Source source) {
        return "rejects/" + source.fileName();
    }

    static Dataset<Row> rejectedRows(Dataset<Row> rejects) {
        return rejects.select(col(IngestColumns.FILE.column()).as(ReportColumns.FILE.column()),
                col(IngestColumns.LINE.column()).as(ReportColumns.LINE.column()),
                col(IngestColumns.REJECT_REASON.column()).as(ReportColumns.REASON.column()),
                col(IngestColumns.RAW.column()).as(ReportColumns.RECORD.column()));
    }
}
