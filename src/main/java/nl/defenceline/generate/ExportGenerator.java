package nl.defenceline.generate;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import nl.defenceline.classify.Category;
import nl.defenceline.schema.Channel;
import nl.defenceline.schema.ProductColumns;
import nl.defenceline.schema.ReturnColumns;
import nl.defenceline.schema.SourceColumn;
import nl.defenceline.schema.StockQuestionColumns;
import nl.defenceline.schema.TicketColumns;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * Writes a seeded synthetic export folder in the canonical format, streaming, so it scales to millions of rows. The
 * data has planted findings: DELIVERY is the top category, Monday 09:00 the busiest hour, {@link #COLOUR_SKU} is returned
 * for its colour, {@link #SIZE_SKU} for running small, and {@link #STOCKOUT_SKU} is the stock-out hot spot.
 */
public final class ExportGenerator {

    public static final String COLOUR_SKU = "JRK-204";
    public static final String SIZE_SKU = "SNK-118";
    public static final String STOCKOUT_SKU = "TAS-031";

    /** sku, name, category, owner. */
    static final String[][] PRODUCTS = {
        {"JRK-204", "Jurk Lotte groen", "Dames", "mode@shop.example"},
        {"SNK-118", "Sneaker Urban wit", "Schoenen", "schoenen-team"},
        {"TAS-031", "Shopper tas cognac", "Accessoires", "mode@shop.example"},
        {"JAS-077", "Winterjas Noor", "Dames", "mode@shop.example"},
        {"BRK-512", "Broek Daan slim fit", "Heren", "heren-team"},
        {"TRU-090", "Trui Mila wol", "Dames", "mode@shop.example"},
        {"LMP-300", "Bureaulamp Luxa", "Wonen", "wonen@shop.example"},
        {"KSS-145", "Kussen Velvet oker", "Wonen", "wonen@shop.example"},
        {"HDP-620", "Koptelefoon Nova", "Elektronica", ""},
        {"MOK-011", "Mok set Aarde", "Wonen", "wonen@shop.example"},
    };

    /**
     * A generated export's size and period.
     *
     * @param realisticTexts messages as long as real ones on average and each one different (see {@code Texts}); off,
     *                       the short template texts, which repeat
     */
    public record Spec(long tickets, long returns, long stockQuestions, LocalDate start, int days, long seed,
                       boolean realisticTexts) {
    }

    private static final CSVFormat CSV = CSVFormat.RFC4180.builder().setRecordSeparator("\n").get();
    private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
    private static final ZoneId SHOP_ZONE = ZoneId.of("Europe/Amsterdam");

    private final Spec spec;
    private final Random random;
    private final Texts texts;

    public ExportGenerator(Spec spec) {
        this.spec = spec;
        this.random = new Random(spec.seed());
        this.texts = new Texts(random, spec.realisticTexts());
    }

    /** Writes tickets.csv, returns.csv, stock_questions.csv and products.csv into a folder. */
    public void writeTo(Path dir) {
        try {
            Files.createDirectories(dir);
            writeProducts(dir.resolve("products.csv"));
            writeTickets(dir.resolve("tickets.csv"));
            writeReturns(dir.resolve("returns.csv"));
            writeStockQuestions(dir.resolve("stock_questions.csv"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static CSVPrinter printer(Path file, SourceColumn[] columns) throws IOException {
        Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
        CSVPrinter printer = new CSVPrinter(out, CSV);
        for (SourceColumn column : columns) {
            printer.print(column.header());
        }
        printer.println();
        return printer;
    }

    private void writeProducts(Path file) throws IOException {
        try (CSVPrinter out = printer(file, ProductColumns.values())) {
            for (String[] p : PRODUCTS) {
                out.printRecord(p[0], p[1], p[2], p[3], "https://shop.example/p/" + p[0].toLowerCase(Locale.ROOT));
            }
        }
    }

    private void writeTickets(Path file) throws IOException {
        List<Category> categories = Category.trainedValues();
        // DELIVERY leads, then PRODUCT_INFO: the planted Pareto.
        double[] weights = {0.22, 0.14, 0.30, 0.06, 0.12, 0.08, 0.08};
        try (CSVPrinter out = printer(file, TicketColumns.values())) {
            for (long i = 1; i <= spec.tickets(); i++) {
                Category category = categories.get(pick(weights));
                boolean dutch = random.nextDouble() < 0.6;
                Channel channel = pickChannel();
                LocalDateTime created = ticketTime();
                String sku = random.nextDouble() < 0.7 ? PRODUCTS[random.nextInt(PRODUCTS.length)][0] : "";
                String order = "NL" + (100000 + random.nextInt(900000));
                String subject = channel == Channel.EMAIL || channel == Channel.WEBFORM ? texts.subject(category, dutch) : "";
                String body = texts.message(category, dutch, channel == Channel.EMAIL, productName(sku), order,
                        i - 1);
                LocalDateTime firstResponse = random.nextDouble() < 0.9 ? created.plusMinutes(5 + random.nextInt(60 * 30)) : null;
                LocalDateTime resolved = firstResponse != null && random.nextDouble() < 0.8
                        ? firstResponse.plusMinutes(random.nextInt(60 * 48)) : null;
                out.printRecord("T" + i, format(created), channel.label(), subject, body,
                        "C" + (1 + random.nextInt((int) Math.max(10, spec.tickets() / 2))), order, sku,
                        format(firstResponse), format(resolved));
            }
        }
    }

    private void writeReturns(Path file) throws IOException {
        try (CSVPrinter out = printer(file, ReturnColumns.values())) {
            for (long i = 1; i <= spec.returns(); i++) {
                double roll = random.nextDouble();
                String[] product;
                String reasonCode;
                boolean dutch = random.nextDouble() < 0.6;
                if (roll < 0.12) {
                    product = PRODUCTS[0];
                    reasonCode = "colour_differs";
                } else if (roll < 0.22) {
                    product = PRODUCTS[1];
                    reasonCode = "too_small";
                } else {
                    product = PRODUCTS[2 + random.nextInt(PRODUCTS.length - 2)];
                    reasonCode = Texts.pick(random, "changed_mind", "damaged", "defective", "other", "too_large",
                            "not_as_described", "other");
                }
                out.printRecord("R" + i, "NL" + (100000 + random.nextInt(900000)), product[0], product[1],
                        format(ticketTime()), reasonCode, texts.returnComment(reasonCode, dutch),
                        random.nextDouble() < 0.9 ? 1 : 2);
            }
        }
    }

    private void writeStockQuestions(Path file) throws IOException {
        try (CSVPrinter out = printer(file, StockQuestionColumns.values())) {
            for (long i = 1; i <= spec.stockQuestions(); i++) {
                String[] product = random.nextDouble() < 0.45 ? PRODUCTS[2] : PRODUCTS[random.nextInt(PRODUCTS.length)];
                boolean dutch = random.nextDouble() < 0.6;
                out.printRecord("Q" + i, format(ticketTime()), product[0],
                        Texts.pick(random, "email", "chat", "webform", "chat"),
                        "C" + (1 + random.nextInt((int) Math.max(10, spec.stockQuestions() * 3 / 4))),
                        texts.stockQuestion(dutch, product[1], i - 1));
            }
        }
    }

    private Channel pickChannel() {
        double[] weights = {0.45, 0.25, 0.12, 0.05, 0.13};
        return Channel.values()[pick(weights)];
    }

    /** Local time with a realistic shape: Monday busiest, 09:00 the peak hour, quiet nights. */
    private LocalDateTime ticketTime() {
        LocalDate day = spec.start().plusDays(random.nextInt(spec.days()));
        double[] hourWeights = {1, 0.5, 0.3, 0.2, 0.2, 0.3, 1, 3, 6, 9, 9, 8, 7, 7, 7, 6, 6, 5, 5, 6, 7, 6, 4, 2};
        int hour = pick(hourWeights);
        if (random.nextDouble() < 0.08) {
            // The weekend's backlog: Monday morning at nine.
            day = day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
            day = day.isBefore(spec.start()) ? day.plusWeeks(1) : day;
            hour = 9;
        }
        return day.atTime(hour, random.nextInt(60), random.nextInt(60));
    }

    private String format(LocalDateTime local) {
        if (local == null) {
            return "";
        }
        // Most rows local time without offset, some with the offset the shop's helpdesk adds.
        return random.nextDouble() < 0.8 ? local.format(LOCAL)
                : local.atZone(SHOP_ZONE).toOffsetDateTime().toString();
    }

    private static String productName(String sku) {
        for (String[] p : PRODUCTS) {
            if (p[0].equals(sku)) {
                return p[1];
            }
        }
        return null;
    }

    private int pick(double[] weights) {
        double total = 0;
        for (double w : weights) {
            total += w;
        }
        double roll = random.nextDouble() * total;
        for (int i = 0; i < weights.length; i++) {
            roll -= weights[i];
            if (roll < 0) {
                return i;
            }
        }
        return weights.length - 1;
    }

    static List<String> skus() {
        List<String> skus = new ArrayList<>();
        for (String[] p : PRODUCTS) {
            skus.add(p[0]);
        }
        return skus;
    }
}
