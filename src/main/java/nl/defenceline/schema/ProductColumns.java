package nl.defenceline.schema;

/** Columns of the optional products.csv: the catalogue and who owns each product page. */
public enum ProductColumns implements SourceColumn {
    SKU("sku", ValueType.TEXT, Presence.VALUE),
    NAME("name", ValueType.TEXT, Presence.COLUMN),
    CATEGORY("category", ValueType.TEXT, Presence.OPTIONAL),
    OWNER("owner", ValueType.TEXT, Presence.OPTIONAL),
    PAGE_URL("page_url", ValueType.TEXT, Presence.OPTIONAL);

    private final String header;
    private final ValueType type;
    private final Presence presence;

    ProductColumns(String header, ValueType type, Presence presence) {
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
