package nl.defenceline.bench;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.Locale;

/**
 * What an analyst would write instead: DuckDB SQL over the same export computing the four aggregate reports, with
 * keyword rules instead of a trained classifier. Needs DuckDB's JDBC driver on the class path (bench/run.sh fetches
 * it). Usage: {@code DuckDbBaseline EXPORT_DIR}.
 */
public final class DuckDbBaseline {

    /** Keyword rules in the order they are tried; anything else is OTHER. */
    private static final String CATEGORY = """
            CASE
              WHEN regexp_matches(x, 'terugbetal|refund|betaal|betaling|factuur|invoice|verzendkosten|korting|klarna|ideal|paypal|geld terug|charged|price|prijs') THEN 'PRICE_PAYMENT'
              WHEN regexp_matches(x, 'retour|terugsturen|send (it )?back|return|ruilen|exchange') THEN 'RETURNS'
              WHEN regexp_matches(x, 'voorraad|uitverkocht|in stock|sold out|restock|leverbaar|beschikbaar|available') THEN 'STOCK'
              WHEN regexp_matches(x, 'pakket|bezorg|levering|geleverd|track|postnl|dhl|dpd|parcel|package|deliver|shipping|arrive') THEN 'DELIVERY'
              WHEN regexp_matches(x, 'annuleer|annuleren|cancel|garantie|warranty|voorwaarden|terms|privacy|avg|gdpr') THEN 'TERMS'
              WHEN regexp_matches(x, 'maat|size|kleur|colou?r|foto|photo|afmeting|dimension|materiaal|material|kapot|broken|kwaliteit|quality') THEN 'PRODUCT_INFO'
              ELSE 'OTHER'
            END""";

    private DuckDbBaseline() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 1) {
            System.err.println("usage: DuckDbBaseline EXPORT_DIR");
            System.exit(2);
        }
        Path dir = Path.of(args[0]).toAbsolutePath();
        String tickets = csv(dir.resolve("tickets.csv"));
        String returns = csv(dir.resolve("returns.csv"));
        String stock = csv(dir.resolve("stock_questions.csv"));
        // DuckDB types created_at as TIMESTAMP WITH TIME ZONE when every value has an offset, else as text (mixed)
        // or TIMESTAMP. Cast to TIMESTAMPTZ, each case is read as the job reads it: an offset is kept, a local time is
        // the shop's; hour() and isodow() then give the shop's wall clock, in the session's time zone. An offset time
        // without seconds (as java.time writes a whole minute) is not a literal DuckDB casts, so it is parsed.
        List<String> reports = List.of(
                "SET TimeZone = 'Europe/Amsterdam'",
                "CREATE TABLE t AS SELECT *, " + CATEGORY + " AS category FROM (SELECT *,"
                        + " lower(coalesce(subject, '') || ' ' || coalesce(body, '')) AS x,"
                        + " coalesce(TRY_CAST(created_at AS TIMESTAMPTZ),"
                        + " try_strptime(CAST(created_at AS VARCHAR), '%Y-%m-%dT%H:%M%z')) AS created FROM " + tickets + ")",
                "COPY (SELECT category, count(*) AS tickets, count(*) / sum(count(*)) OVER () AS share,"
                        + " sum(count(*)) OVER (ORDER BY count(*) DESC, category) / sum(count(*)) OVER () AS cumulative_share"
                        + " FROM t GROUP BY category ORDER BY tickets DESC) TO '/dev/null' (HEADER)",
                "COPY (SELECT isodow(created) AS weekday, hour(created) AS hour, count(*) AS tickets,"
                        + " count(*) FILTER (WHERE channel = 'email') AS email, count(*) FILTER (WHERE channel = 'chat') AS chat"
                        + " FROM t GROUP BY weekday, hour ORDER BY weekday, hour) TO '/dev/null' (HEADER)",
                "COPY (SELECT sku, reason_code, count(*) AS returns, sum(TRY_CAST(quantity AS INTEGER)) AS units,"
                        + " count(*) / sum(count(*)) OVER (PARTITION BY sku) AS share, min(returned_at), max(returned_at),"
                        + " count(*) >= 3 AS recurring FROM " + returns + " GROUP BY sku, reason_code"
                        + " ORDER BY recurring DESC, returns DESC)"
                        + " TO '/dev/null' (HEADER)",
                "COPY (SELECT sku, count(*) AS questions, count(DISTINCT customer_id) AS customers, min(asked_at),"
                        + " max(asked_at) FROM " + stock + " GROUP BY sku ORDER BY questions DESC) TO '/dev/null' (HEADER)");
        long started = System.nanoTime();
        long rows;
        try (Connection db = DriverManager.getConnection("jdbc:duckdb:"); Statement sql = db.createStatement()) {
            for (String statement : reports) {
                sql.execute(statement);
            }
            try (ResultSet count = sql.executeQuery("SELECT count(*) FROM t")) {
                count.next();
                rows = count.getLong(1);
            }
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        System.out.printf(Locale.ROOT, "duckdb: %d tickets and the four reports in %.1f s = %.0f tickets/s%n",
                rows, seconds, rows / seconds);
    }

    private static String csv(Path file) {
        return "read_csv('" + file.toString().replace("'", "''") + "', header = true, auto_detect = true, ignore_errors = true)";
    }
}
