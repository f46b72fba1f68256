package nl.defenceline.ingest;

import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import nl.defenceline.schema.OrderColumns;
import nl.defenceline.schema.ReturnColumns;
import nl.defenceline.schema.Source;
import nl.defenceline.schema.SourceColumn;
import nl.defenceline.schema.TicketColumns;

/**
 * Column mappings of the helpdesk and shop platforms whose exports Defence Line reads without a mapping file. Sources:
 * the platforms' export documentation and real export headers; see the README's "Export formats" for what is and is
 * not covered (Zendesk's and Gorgias's CSV exports carry no message body, only the subject).
 */
final class PlatformMappings {

    private PlatformMappings() {
    }

    static List<ColumnMapping> all() {
        return List.of(zendesk(), freshdesk(), gorgias(), shopifyOrders(), shopifyReturns());
    }

    /** A mapping of one source: canonical column (its enum: a renamed column fails to compile) to export header(s). */
    private static ColumnMapping mapping(String name, Source source, Map<? extends SourceColumn, String> columns) {
        Map<String, String> byHeader = new LinkedHashMap<>();
        columns.forEach((column, header) -> byHeader.put(column.header(), header));
        Map<Source, Map<String, String>> bySource = new EnumMap<>(Source.class);
        bySource.put(source, byHeader);
        return new ColumnMapping(name, bySource, Map.of());
    }

    /** Zendesk Support, Admin Center > Reports > Export > CSV. Dates are in the account's time zone. */
    static ColumnMapping zendesk() {
        return mapping("zendesk", Source.TICKETS, Map.of(
                TicketColumns.TICKET_ID, "Id", TicketColumns.CREATED_AT, "Created at", TicketColumns.CHANNEL, "Via",
                TicketColumns.SUBJECT, "Subject", TicketColumns.BODY, "Description",
                TicketColumns.CUSTOMER_ID, "Requester id|Requester email",
                TicketColumns.ORDER_ID, "Order number [txt]|Order number|Ordernummer [txt]",
                TicketColumns.SKU, "Product SKU [txt]|SKU [txt]", TicketColumns.RESOLVED_AT, "Solved at"));
    }

    /** Freshdesk, Tickets > Export (CSV). */
    static ColumnMapping freshdesk() {
        return mapping("freshdesk", Source.TICKETS, Map.of(
                TicketColumns.TICKET_ID, "Ticket ID", TicketColumns.CREATED_AT, "Created time",
                TicketColumns.CHANNEL, "Source", TicketColumns.SUBJECT, "Subject", TicketColumns.BODY, "Description",
                TicketColumns.CUSTOMER_ID, "Contact ID|Email", TicketColumns.ORDER_ID, "Order number|Order ID",
                TicketColumns.SKU, "Product SKU|SKU", TicketColumns.FIRST_RESPONSE_AT, "Initial response time",
                TicketColumns.RESOLVED_AT, "Resolved time|Closed time"));
    }

    /** Gorgias ticket export; two export generations named the date columns differently. */
    static ColumnMapping gorgias() {
        return mapping("gorgias", Source.TICKETS, Map.of(
                TicketColumns.TICKET_ID, "Ticket id|Ticket ID|Id",
                TicketColumns.CREATED_AT, "Creation date|Created datetime",
                TicketColumns.CHANNEL, "Initial channel|Channel", TicketColumns.SUBJECT, "Subject",
                TicketColumns.BODY, "First message|Message", TicketColumns.CUSTOMER_ID, "Customer email|Customer id",
                TicketColumns.ORDER_ID, "Ticket Field: Order number|Order number",
                TicketColumns.SKU, "Ticket Field: Product|Product SKU",
                TicketColumns.RESOLVED_AT, "Closed date|Closed datetime"));
    }

    /**
     * Shopify Orders > Export (orders_export_1.csv): one row per line item, "Name" is the order number (#1050) and is
     * on every row; the order's own fields (Financial Status, Total, ...) are only on its first row. The exports seen
     * (2022 to 2025) repeat "Created at" on every line item; where a later line item lacks it, it is filled down from
     * the order's first row.
     */
    static ColumnMapping shopifyOrders() {
        return mapping("shopify-orders", Source.ORDERS, Map.of(
                OrderColumns.ORDER_ID, "Name", OrderColumns.ORDERED_AT, "Created at",
                OrderColumns.SKU, "Lineitem sku", OrderColumns.QUANTITY, "Lineitem quantity",
                OrderColumns.PRICE, "Lineitem price"))
                .withFillDown(Source.ORDERS, OrderColumns.ORDER_ID, OrderColumns.ORDERED_AT);
    }

    /**
     * Shopify returns, as written from the Admin API's Return objects (Shopify admin has no returns CSV of its own);
     * reason codes are Shopify's ReturnReason values (COLOR, SIZE_TOO_SMALL, ...).
     */
    static ColumnMapping shopifyReturns() {
        return mapping("shopify-returns", Source.RETURNS, Map.of(
                ReturnColumns.RETURN_ID, "Return name|Return id", ReturnColumns.ORDER_ID, "Order name",
                ReturnColumns.SKU, "Lineitem sku", ReturnColumns.PRODUCT_NAME, "Lineitem name",
                ReturnColumns.RETURNED_AT, "Return created at", ReturnColumns.REASON_CODE, "Return reason",
                ReturnColumns.REASON_TEXT, "Return reason note|Customer note", ReturnColumns.QUANTITY, "Quantity"));
    }
}
