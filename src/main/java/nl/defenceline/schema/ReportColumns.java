package nl.defenceline.schema;

/** Column names of the reports Defence Line writes; the CSV headers are these names. */
public enum ReportColumns {
    CATEGORY("category"),
    TICKETS("tickets"),
    SHARE("share"),
    SHARE_LOW("share_low"),
    SHARE_HIGH("share_high"),
    CUMULATIVE_SHARE("cumulative_share"),
    CONFIDENT("confident"),
    ACTION("action"),
    TOP_PRODUCTS("top_products"),
    WEEKDAY_NUMBER("weekday_number"),
    WEEKDAY("weekday"),
    HOUR("hour"),
    SKU("sku"),
    PRODUCT("product"),
    REASON("reason"),
    FIX("fix"),
    RETURNS("returns"),
    UNITS("units"),
    SHARE_OF_SKU_RETURNS("share_of_sku_returns"),
    FIRST_RETURNED("first_returned"),
    LAST_RETURNED("last_returned"),
    RECURRING("recurring"),
    QUESTIONS("questions"),
    DISTINCT_CUSTOMERS("distinct_customers"),
    FIRST_ASKED("first_asked"),
    LAST_ASKED("last_asked"),
    CHANNEL("channel"),
    ANSWERED("answered"),
    OPEN("open"),
    INCONSISTENT("inconsistent"),
    MEDIAN_HOURS("median_hours"),
    P90_HOURS("p90_hours"),
    WEEK("week"),
    EMAIL_TICKETS("email_tickets"),
    ANSWERED_WITHIN_24H("answered_within_24h"),
    RESOLVED("resolved"),
    UNRESOLVED("unresolved"),
    REPEATS("repeats"),
    REPEAT_SHARE("repeat_share"),
    ORDERS("orders"),
    TICKETS_PER_100_ORDERS("tickets_per_100_orders"),
    MEDIAN_WORDS("median_words"),
    NEAR_DUPLICATE_SHARE("near_duplicate_share"),
    CANDIDATE("candidate"),
    EXAMPLES("examples"),
    RETURN_RATE("return_rate"),
    KIND("kind"),
    KEY("key"),
    CURRENT("current"),
    PREVIOUS("previous"),
    CHANGE("change"),
    SPIKE("spike"),
    OWNER("owner"),
    QUOTE("quote"),
    /** The note row of a report whose input is missing from the export. */
    NOTE("note"),
    SOURCE("source"),
    ID("id"),
    TEXT("text"),
    FILE("file"),
    LINE("line"),
    RECORD("record"),
    FOLDER("folder"),
    PRODUCT_CATEGORY_ROWS("product_category_rows"),
    RECURRING_RETURN_REASONS("recurring_return_reasons"),
    STOCKOUT_PRODUCTS("stockout_products"),
    FROM("from"),
    UNTIL("until"),
    PEAK_TICKETS("peak_tickets"),
    PEAK_SHARE("peak_share");

    private final String column;

    ReportColumns(String column) {
        this.column = column;
    }

    public String column() {
        return column;
    }
}
