package nl.defenceline.schema;

/** Columns of tickets.csv: one helpdesk ticket per row. */
public enum TicketColumns implements SourceColumn {
    TICKET_ID("ticket_id", ValueType.TEXT, Presence.VALUE),
    CREATED_AT("created_at", ValueType.TIMESTAMP, Presence.VALUE),
    CHANNEL("channel", ValueType.CHANNEL, Presence.VALUE),
    SUBJECT("subject", ValueType.TEXT, Presence.OPTIONAL),
    BODY("body", ValueType.TEXT, Presence.OPTIONAL),
    CUSTOMER_ID("customer_id", ValueType.TEXT, Presence.COLUMN),
    ORDER_ID("order_id", ValueType.TEXT, Presence.OPTIONAL),
    SKU("sku", ValueType.TEXT, Presence.OPTIONAL),
    FIRST_RESPONSE_AT("first_response_at", ValueType.TIMESTAMP, Presence.OPTIONAL),
    RESOLVED_AT("resolved_at", ValueType.TIMESTAMP, Presence.OPTIONAL);

    private final String header;
    private final ValueType type;
    private final Presence presence;

    TicketColumns(String header, ValueType type, Presence presence) {
        this.header = header;
        this.type = type;
        this.presence = presence;
    }

    @Override
    public String header() {
        return header;
    }

    @Override
    public ValueType type() {
        return type;
    }

    @Override
    public Presence presence() {
        return presence;
    }
}
