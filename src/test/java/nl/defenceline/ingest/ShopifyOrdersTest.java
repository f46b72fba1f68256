package nl.defenceline.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import nl.defenceline.schema.OrderColumns;
import nl.defenceline.schema.Source;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Shopify's Orders > Export file, one row per line item, read with the {@code shopify-orders} mapping. The fixture
 * has the 79 columns Shopify's exports of 2023 to 2025 write, and, like them, repeats Name, Email and Created at on
 * every line item while the order's other fields are only on its first one.
 */
class ShopifyOrdersTest {

    private static final String FIXTURE = "/exports/shopify/orders_export_1.csv";
    private static final ParsedRows PARSED = ParsedRows.of(Source.ORDERS);
    private static final DateTimeFormatter SHOPIFY_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss Z");

    private static String fixture() throws IOException {
        try (InputStream in = ShopifyOrdersTest.class.getResourceAsStream(FIXTURE)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static List<CSVRecord> lineItems(String csv) throws IOException {
        return CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(new StringReader(csv)).getRecords();
    }

    private static List<Row> read(ColumnMapping mapping, String csv) throws IOException {
        byte[] bytes = csv.getBytes(StandardCharsets.UTF_8);
        List<Row> rows = new ArrayList<>();
        new SourceFileReader(Source.ORDERS, ZoneId.of("Europe/Amsterdam"),
                Map.of("orders_export_1.csv", new SourceFileReader.FileInput(mapping, 0)),
                Instant.parse("2027-01-01T00:00:00Z"), ExportReader.DEFAULT_MAX_FIELD_SIZE)
                .read("orders_export_1.csv", () -> new ByteArrayInputStream(bytes)).forEachRemaining(rows::add);
        return rows;
    }

    /** Each order's "Created at" as written on its first line item. */
    private static Map<String, Timestamp> orderTimes(List<CSVRecord> items) {
        Map<String, Timestamp> times = new HashMap<>();
        for (CSVRecord item : items) {
            times.computeIfAbsent(item.get("Name"), name ->
                    Timestamp.from(OffsetDateTime.parse(item.get("Created at"), SHOPIFY_TIME).toInstant()));
        }
        return times;
    }

    private static String reason(Row row) {
        return PARSED.reason(row);
    }

    /** The fixture with "Created at" blank on every line item after an order's first, as the issue saw it. */
    private static String withCreatedAtOnFirstLineItemOnly(String csv) throws IOException {
        StringBuilder out = new StringBuilder();
        List<CSVRecord> items = lineItems(csv);
        CSVFormat format = CSVFormat.RFC4180.builder().setRecordSeparator('\n').get();
        List<String> header = items.get(0).getParser().getHeaderNames();
        try {
            format.printRecord(out, header.toArray());
            String previous = null;
            for (CSVRecord item : items) {
                String[] values = item.values().clone();
                if (item.get("Name").equals(previous)) {
                    values[header.indexOf("Created at")] = "";
                }
                previous = item.get("Name");
                format.printRecord(out, (Object[]) values);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    @Test
    void fixtureHasShopifysHeaderAndOrdersWithSeveralLineItems() throws IOException {
        List<CSVRecord> items = lineItems(fixture());
        List<String> header = items.get(0).getParser().getHeaderNames();
        assertEquals(79, header.size());
        assertEquals(List.of("Name", "Email", "Financial Status", "Paid at"), header.subList(0, 4));
        assertEquals(List.of("Created at", "Lineitem quantity", "Lineitem name", "Lineitem price",
                "Lineitem compare at price", "Lineitem sku"), header.subList(15, 21));
        assertEquals(10, orderTimes(items).size());
        assertEquals(18, items.size());
        assertEquals("", items.get(2).get("Financial Status"), "a later line item has no order fields");
    }

    @Test
    void usesEveryLineItemWithItsOrdersTime() throws IOException {
        String csv = fixture();
        List<CSVRecord> items = lineItems(csv);
        Map<String, Timestamp> orderedAt = orderTimes(items);

        List<Row> rows = read(PlatformMappings.shopifyOrders(), csv);

        assertEquals(items.size(), rows.size());
        for (int i = 0; i < rows.size(); i++) {
            Row row = rows.get(i);
            CSVRecord item = items.get(i);
            assertNull(reason(row), () -> "line " + PARSED.line(row) + ": " + reason(row));
            assertEquals(item.get("Name"), row.getString(OrderColumns.ORDER_ID.ordinal()));
            assertEquals(item.get("Lineitem sku"), row.getString(OrderColumns.SKU.ordinal()));
            assertEquals(Integer.parseInt(item.get("Lineitem quantity")), row.getInt(OrderColumns.QUANTITY.ordinal()));
            assertEquals(orderedAt.get(item.get("Name")), row.getTimestamp(OrderColumns.ORDERED_AT.ordinal()));
        }
    }

    @Test
    void fillsAnOrdersTimeDownToLineItemsThatLackIt() throws IOException {
        String csv = withCreatedAtOnFirstLineItemOnly(fixture());
        List<CSVRecord> items = lineItems(csv);
        Map<String, Timestamp> orderedAt = orderTimes(items);
        assertEquals("", items.get(2).get("Created at"));

        List<Row> rows = read(PlatformMappings.shopifyOrders(), csv);

        assertEquals(items.size(), rows.size());
        for (int i = 0; i < rows.size(); i++) {
            assertNull(reason(rows.get(i)), reason(rows.get(i)));
            assertEquals(orderedAt.get(items.get(i).get("Name")),
                    rows.get(i).getTimestamp(OrderColumns.ORDERED_AT.ordinal()));
        }
    }

    @Test
    void fillsDownOnlyWithinOneOrderAndOnlyForAMappingThatDeclaresIt(@TempDir Path dir) throws IOException {
        String header = "Name,Created at,Lineitem sku,Lineitem quantity,Lineitem price\n";
        String csv = header
                + "#1,2026-11-02 10:00:00 +0100,A,1,10.00\n"
                + "#1,,B,1,10.00\n"
                + "#2,,C,1,10.00\n";
        List<Row> filled = read(PlatformMappings.shopifyOrders(), csv);
        assertNull(reason(filled.get(1)));
        assertEquals("missing value for ordered_at", reason(filled.get(2)), "order #2 has no first row to fill from");

        Path mappingFile = dir.resolve("orders-mapping.csv");
        Files.writeString(mappingFile, "source,column,source_column\norders,order_id,Name\n"
                + "orders,ordered_at,Created at\norders,sku,Lineitem sku\norders,quantity,Lineitem quantity\n");
        List<Row> unfilled = read(ColumnMapping.fromFile(mappingFile), csv);
        assertNull(reason(unfilled.get(0)));
        assertEquals("missing value for ordered_at", reason(unfilled.get(1)));
    }

    @Test
    void fillDownSurvivesTheTripToASparkTask() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(PlatformMappings.shopifyOrders());
        }
        try (ObjectInputStream in = new ObjectInputStream(
                new ByteArrayInputStream(bytes.toByteArray()))) {
            ColumnMapping copy = (ColumnMapping) in.readObject();
            assertEquals(new ColumnMapping.FillDown(OrderColumns.ORDER_ID, List.of(OrderColumns.ORDERED_AT)),
                    copy.fillDown(Source.ORDERS).orElseThrow());
        }
    }
}
