package nl.defenceline.schema;

/** Columns of returns.csv: one returned order line per row. */
public enum ReturnColumns implements SourceColumn {
    RETURN_ID("return_id", ValueType.TEXT, Presence.VALUE),
    ORDER_ID("order_id", ValueType.TEXT, Presence.COLUMN),
    SKU("sku", ValueType.TEXT, Presence.VALUE),
    PRODUCT_NAME("product_name", ValueType.TEXT, Presence.COLUMN),
    RETURNED_AT("returned_at", ValueType.TIMESTAMP, Presence.VALUE),
    REASON_CODE("reason_code", ValueType.TEXT, Presence.COLUMN),
    REASON_TEXT("reason_text", ValueType.TEXT, Presence.COLUMN),
    QUANTITY("quantity", ValueType.INTEGER, Presence.VALUE);

    private final String header;
    private final ValueType type;
    private final Presence presence;

    ReturnColumns(String header, ValueType type, Presence presence) {
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
