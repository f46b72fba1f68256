package nl.defenceline.ingest;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import nl.defenceline.schema.Source;

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

    private static ColumnMapping mapping(String name, Source source, Map<String, String> columns) {
        Map<Source, Map<String, String>> bySource = new EnumMap<>(Source.class);
        bySource.put(source, columns);
        return new ColumnMapping(name, bySource, Map.of());
    }

    /** Zendesk Support, Admin Center > Reports > Export > CSV. Dates are in the account's time zone. */
    static ColumnMapping zendesk() {
        return mapping("zendesk", Source.TICKETS, Map.of(
                "ticket_id", "Id", "created_at", "Created at", "channel", "Via", "subject", "Subject",
                "body", "Description", "customer_id", "Requester id|Requester email",
                "order_id", "Order number [txt]|Order number|Ordernummer [txt]", "sku", "Product SKU [txt]|SKU [txt]",
                "resolved_at", "Solved at"));
    }

    /** Freshdesk, Tickets > Export (CSV). */
    static ColumnMapping freshdesk() {
        return mapping("freshdesk", Source.TICKETS, Map.of(
                "ticket_id", "Ticket ID", "created_at", "Created time", "channel", "Source", "subject", "Subject",
                "body", "Description", "customer_id", "Contact ID|Email", "order_id", "Order number|Order ID",
                "sku", "Product SKU|SKU", "first_response_at", "Initial response time",
                "resolved_at", "Resolved time|Closed time"));
    }

    /** Gorgias ticket export; two export generations named the date columns differently. */
    static ColumnMapping gorgias() {
        return mapping("gorgias", Source.TICKETS, Map.of(
                "ticket_id", "Ticket id|Ticket ID|Id", "created_at", "Creation date|Created datetime",
                "channel", "Initial channel|Channel", "subject", "Subject", "body", "First message|Message",
                "customer_id", "Customer email|Customer id", "order_id", "Ticket Field: Order number|Order number",
                "sku", "Ticket Field: Product|Product SKU", "resolved_at", "Closed date|Closed datetime"));
    }

    /** Shopify Orders > Export: one row per line item, "Name" is the order number (#1050). */
    static ColumnMapping shopifyOrders() {
        return mapping("shopify-orders", Source.ORDERS, Map.of(
                "order_id", "Name", "ordered_at", "Created at", "sku", "Lineitem sku",
                "quantity", "Lineitem quantity", "price", "Lineitem price"));
    }

    /**
     * Shopify returns, as written from the Admin API's Return objects (Shopify admin has no returns CSV of its own);
     * reason codes are Shopify's ReturnReason values (COLOR, SIZE_TOO_SMALL, ...).
     */
    static ColumnMapping shopifyReturns() {
        return mapping("shopify-returns", Source.RETURNS, Map.of(
                "return_id", "Return name|Return id", "order_id", "Order name", "sku", "Lineitem sku",
                "product_name", "Lineitem name", "returned_at", "Return created at", "reason_code", "Return reason",
                "reason_text", "Return reason note|Customer note", "quantity", "Quantity"));
    }
}
