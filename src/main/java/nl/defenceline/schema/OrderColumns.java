package nl.defenceline.schema;

/** Columns of the optional orders.csv: one ordered line (order and sku) per row; enables return and contact rates. */
public enum OrderColumns implements SourceColumn {
    ORDER_ID("order_id", ValueType.TEXT, Presence.VALUE),
    ORDERED_AT("ordered_at", ValueType.TIMESTAMP, Presence.VALUE),
    SKU("sku", ValueType.TEXT, Presence.VALUE),
    QUANTITY("quantity", ValueType.INTEGER, Presence.VALUE),
    PRICE("price", ValueType.DECIMAL, Presence.OPTIONAL);

    private final String header;
    private final ValueType type;
    private final Presence presence;

    OrderColumns(String header, ValueType type, Presence presence) {
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
