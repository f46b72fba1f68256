package nl.defenceline.schema;

/** Columns of stock_questions.csv: one "is this back in stock?" question per row. */
public enum StockQuestionColumns implements SourceColumn {
    QUESTION_ID("question_id", ValueType.TEXT, Presence.VALUE),
    ASKED_AT("asked_at", ValueType.TIMESTAMP, Presence.VALUE),
    SKU("sku", ValueType.TEXT, Presence.VALUE),
    CHANNEL("channel", ValueType.CHANNEL, Presence.VALUE),
    CUSTOMER_ID("customer_id", ValueType.TEXT, Presence.COLUMN),
    TEXT("text", ValueType.TEXT, Presence.COLUMN);

    private final String header;
    private final ValueType type;
    private final Presence presence;

    StockQuestionColumns(String header, ValueType type, Presence presence) {
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
