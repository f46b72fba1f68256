package nl.defenceline.insights;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.collect_list;
import static org.apache.spark.sql.functions.desc;
import static org.apache.spark.sql.functions.length;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.trim;
import static org.apache.spark.sql.functions.udf;
import static org.apache.spark.sql.functions.when;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import nl.defenceline.classify.ReturnReason;
import nl.defenceline.classify.TextCleaner;
import nl.defenceline.classify.Category;
import nl.defenceline.schema.ClassifiedColumns;
import nl.defenceline.schema.ReasonColumns;
import nl.defenceline.schema.ReportColumns;
import nl.defenceline.schema.ReturnColumns;
import nl.defenceline.schema.TicketColumns;
import nl.defenceline.schema.WorkingColumns;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.expressions.UserDefinedFunction;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * Recurring themes in the free text of one product that no return reason covers: the same complaint in different
 * words, from return comments under "other" (or no or an unknown reason) and from tickets about the product. A theme
 * says what the page owner should read up on that neither the reason codes nor the categories name.
 */
public final class RecurringThemes {

    /** Shorter comments ("Other", "geen reden") say nothing to group on. */
    static final int MIN_CONTENT_WORDS = 3;
    static final int THEME_CHARS = 80;
    static final int QUOTE_CHARS = 200;
    static final int MAX_IDS = 20;
    /** Groups up to this size get the exact typical comment by comparing every pair (4 million at most). */
    static final int EXACT_MEDOID = 2000;
    static final String RETURN = "return";
    static final String TICKET = "ticket";

    private static final UserDefinedFunction UNEXPLAINED = udf(
            (String reason) -> !ReturnReason.explains(reason), DataTypes.BooleanType);

    private static final StructType OUTPUT = new StructType()
            .add(ReportColumns.SKU.column(), DataTypes.StringType)
            .add(ReportColumns.PRODUCT.column(), DataTypes.StringType)
            .add(ReportColumns.THEME.column(), DataTypes.StringType)
            .add(ReportColumns.COMMENTS.column(), DataTypes.LongType)
            .add(ReportColumns.RETURNS.column(), DataTypes.LongType)
            .add(ReportColumns.TICKETS.column(), DataTypes.LongType)
            .add(ReportColumns.QUOTE_1.column(), DataTypes.StringType)
            .add(ReportColumns.QUOTE_2.column(), DataTypes.StringType)
            .add(ReportColumns.IDS.column(), DataTypes.StringType);

    private RecurringThemes() {
    }

    /** One free-text comment about a product: a return's or a ticket's. */
    record Comment(String origin, String id, String text) {
    }

    /** One group of alike comments of a product. */
    record Theme(String label, int comments, int returns, int tickets, String quote1, String quote2, String ids) {
    }

    /**
     * Columns: sku, product, theme (the most typical comment, cut short), comments, returns, tickets (how many of the
     * comments are return comments and ticket texts), quote_1, quote_2 (two other comments of the theme), ids (the
     * return and ticket ids behind it, at most {@value #MAX_IDS}). Only themes of at least {@code minRecurrence}
     * comments; the largest first. theme and the quotes are unredacted free text.
     *
     * @param returns           rows of returns.csv with their {@link ReasonColumns}; a return counts when its reason
     *                          names none ("other", "unspecified" or a shop's own code: {@link ReturnReason#explains})
     * @param classifiedTickets tickets with a sku whose category is OTHER or UNCERTAIN count, with their body, else
     *                          their subject
     * @param productNames      sku, product; the product's own name is left out of the comparison
     */
    public static Dataset<Row> compute(Dataset<Row> returns, Dataset<Row> classifiedTickets, Dataset<Row> productNames,
                                       int minRecurrence) {
        String sku = ReportColumns.SKU.column();
        String text = WorkingColumns.TEXT.column();
        Dataset<Row> returnComments = returns
                .filter(col(ReturnColumns.SKU.header()).isNotNull()
                        .and(UNEXPLAINED.apply(col(ReasonColumns.REASON.column()))))
                .select(col(ReturnColumns.SKU.header()).as(sku), lit(RETURN).as(WorkingColumns.ORIGIN.column()),
                        col(ReturnColumns.RETURN_ID.header()).as(WorkingColumns.COMMENT_ID.column()),
                        col(ReturnColumns.REASON_TEXT.header()).as(text));
        // A ticket fits no reason when it fits no category: the others are counted per product already.
        Dataset<Row> ticketComments = classifiedTickets
                .filter(col(TicketColumns.SKU.header()).isNotNull().and(col(ClassifiedColumns.CATEGORY.column())
                        .isin(Category.OTHER.name(), Category.UNCERTAIN.name())))
                .select(col(TicketColumns.SKU.header()).as(sku), lit(TICKET).as(WorkingColumns.ORIGIN.column()),
                        col(TicketColumns.TICKET_ID.header()).as(WorkingColumns.COMMENT_ID.column()),
                        when(length(trim(col(TicketColumns.BODY.header()))).gt(0), col(TicketColumns.BODY.header()))
                                .otherwise(col(TicketColumns.SUBJECT.header())).as(text));
        Dataset<Row> perSku = returnComments.unionByName(ticketComments)
                .filter(col(text).isNotNull())
                .groupBy(col(sku))
                .agg(collect_list(struct(col(WorkingColumns.ORIGIN.column()), col(WorkingColumns.COMMENT_ID.column()),
                        col(text))).as(WorkingColumns.COMMENTS.column()))
                .join(productNames, sku, "left")
                .select(col(sku), col(ReportColumns.PRODUCT.column()), col(WorkingColumns.COMMENTS.column()));
        FlatMapFunction<Row, Row> themesOfSku = row -> {
            List<Comment> comments = row.<Row>getList(2).stream()
                    .map(c -> new Comment(c.getString(0), c.getString(1), c.getString(2))).toList();
            return themes(comments, row.getString(1), minRecurrence).stream()
                    .map(t -> RowFactory.create(row.getString(0), row.getString(1), t.label(), (long) t.comments(),
                            (long) t.returns(), (long) t.tickets(), t.quote1(), t.quote2(), t.ids()))
                    .iterator();
        };
        return perSku.flatMap(themesOfSku, Encoders.row(OUTPUT))
                .orderBy(desc(ReportColumns.COMMENTS.column()), col(sku), col(ReportColumns.THEME.column()));
    }

    /** The themes among one product's comments: single-link groups of alike comments, at least minRecurrence large. */
    static List<Theme> themes(List<Comment> comments, String productName, int minRecurrence) {
        Set<String> nameWords = Shingles.nameWords(productName);
        List<Comment> kept = new ArrayList<>();
        List<Set<String>> shingles = new ArrayList<>();
        comments.stream().sorted(Comparator.comparing(Comment::origin).thenComparing(Comment::id, RecurringThemes::compareIds))
                .forEach(comment -> {
                    List<String> words = Shingles.contentWords(ownWords(comment.text()), nameWords);
                    if (words.size() >= MIN_CONTENT_WORDS) {
                        kept.add(comment);
                        shingles.add(Shingles.of(words));
                    }
                });
        List<Theme> themes = new ArrayList<>();
        for (List<Integer> group : groups(shingles)) {
            if (group.size() >= minRecurrence) {
                themes.add(theme(group, kept, shingles));
            }
        }
        return themes;
    }

    /**
     * Single-link clusters (union-find over every alike pair), each as indexes in ascending order. Copies of one set
     * are joined at once (alike to each other, unless empty) and only one of each is searched for pairs; a pair
     * already in one cluster is not checked.
     */
    static List<List<Integer>> groups(List<Set<String>> shingles) {
        int[] parent = new int[shingles.size()];
        Arrays.setAll(parent, i -> i);
        Map<Set<String>, Integer> firstCopy = new HashMap<>();
        List<Integer> distinct = new ArrayList<>();
        for (int i = 0; i < shingles.size(); i++) {
            Set<String> set = shingles.get(i);
            Integer first = set.isEmpty() ? null : firstCopy.putIfAbsent(set, i);
            if (first == null) {
                distinct.add(i);
            } else {
                parent[root(parent, i)] = root(parent, first);
            }
        }
        AlikePairs pairs = new AlikePairs(distinct.stream().map(shingles::get).toList());
        pairs.forEach((a, b) -> root(parent, distinct.get(a)) != root(parent, distinct.get(b)),
                (a, b) -> parent[root(parent, distinct.get(a))] = root(parent, distinct.get(b)));
        Map<Integer, List<Integer>> groups = new LinkedHashMap<>();
        for (int i = 0; i < shingles.size(); i++) {
            groups.computeIfAbsent(root(parent, i), r -> new ArrayList<>()).add(i);
        }
        return List.copyOf(groups.values());
    }

    private static int root(int[] parent, int i) {
        while (parent[i] != i) {
            parent[i] = parent[parent[i]];
            i = parent[i];
        }
        return i;
    }

    private static Theme theme(List<Integer> group, List<Comment> comments, List<Set<String>> shingles) {
        int typical = group.get(typical(group.stream().map(shingles::get).toList()));
        String label = ownWords(comments.get(typical).text());
        List<String> quotes = quotes(group, typical, comments, label);
        int returns = (int) group.stream().filter(i -> comments.get(i).origin().equals(RETURN)).count();
        String ids = group.stream().limit(MAX_IDS).map(i -> comments.get(i).id()).collect(Collectors.joining(";"));
        return new Theme(cut(label, THEME_CHARS), group.size(), returns, group.size() - returns,
                quotes.isEmpty() ? null : cut(quotes.get(0), QUOTE_CHARS),
                quotes.size() < 2 ? null : cut(quotes.get(1), QUOTE_CHARS), ids);
    }

    /**
     * The position of the set most like the others: the largest sum of similarities to the others, the first on a
     * tie. Exact up to {@value #EXACT_MEDOID} sets, and for more when they are at most that many different sets
     * (copies of a set count with their number and have one sum). Beyond that the sums are taken over
     * {@value #EXACT_MEDOID} of the sets, evenly spaced through the list: an estimate, the same for the same list,
     * that keeps a group of a million comments from costing 10^12 comparisons.
     */
    static int typical(List<Set<String>> sets) {
        if (sets.size() <= EXACT_MEDOID) {
            int[] once = new int[sets.size()];
            Arrays.fill(once, 1);
            return mostAlike(sets, once);
        }
        Map<Set<String>, Integer> copies = new LinkedHashMap<>();
        sets.forEach(set -> copies.merge(set, 1, Integer::sum));
        if (copies.size() > EXACT_MEDOID) {
            copies.clear();
            for (int k = 0; k < EXACT_MEDOID; k++) {
                copies.merge(sets.get((int) ((long) k * sets.size() / EXACT_MEDOID)), 1, Integer::sum);
            }
        }
        List<Set<String>> distinct = List.copyOf(copies.keySet());
        return sets.indexOf(distinct.get(mostAlike(distinct, distinct.stream().mapToInt(copies::get).toArray())));
    }

    /**
     * The position of the set with the largest sum of similarities to the others, the first on a tie; set j stands
     * for weight[j] copies, so a set also counts its own other copies.
     */
    private static int mostAlike(List<Set<String>> sets, int[] weight) {
        AlikePairs pairs = new AlikePairs(sets);
        int typical = 0;
        double best = -1;
        for (int i = 0; i < sets.size(); i++) {
            double sum = 0;
            for (int j = 0; j < sets.size(); j++) {
                sum += (i == j ? weight[j] - 1 : weight[j]) * pairs.similarity(i, j);
            }
            if (sum > best) {
                best = sum;
                typical = i;
            }
        }
        return typical;
    }

    /**
     * Two other comments of the group, other wordings than the label's first when there are any (compared
     * normalised: case, punctuation and order numbers do not make a comment another wording).
     */
    private static List<String> quotes(List<Integer> group, int typical, List<Comment> comments, String label) {
        List<String> distinct = new ArrayList<>();
        List<String> repeated = new ArrayList<>();
        Set<String> seen = new HashSet<>(Set.of(TextCleaner.normalise(label)));
        for (int i : group) {
            if (i != typical) {
                String own = ownWords(comments.get(i).text());
                String key = TextCleaner.normalise(own);
                (seen.contains(key) ? repeated : distinct).add(own);
                seen.add(key);
                if (distinct.size() == 2) {
                    break;
                }
            }
        }
        distinct.addAll(repeated);
        return distinct.subList(0, Math.min(2, distinct.size()));
    }

    /** The customer's own message on one line: no reply history, greeting or signature. */
    static String ownWords(String text) {
        return oneLine(TextCleaner.ownMessage(text)).strip();
    }

    /**
     * Each run of whitespace as one space: {@code replaceAll("\\s+", " ")} without the regular expression, which
     * took a good part of the quote reports' time at a million tickets ({@code \s}: space, tab, line feed, vertical
     * tab, form feed, carriage return).
     */
    static String oneLine(String text) {
        StringBuilder line = null;
        int n = text.length();
        for (int i = 0; i < n; i++) {
            char c = text.charAt(i);
            if (isSpace(c)) {
                int end = i + 1;
                while (end < n && isSpace(text.charAt(end))) {
                    end++;
                }
                if (line == null) {
                    if (c == ' ' && end == i + 1) {
                        continue;
                    }
                    line = new StringBuilder(n).append(text, 0, i);
                }
                line.append(' ');
                i = end - 1;
            } else if (line != null) {
                line.append(c);
            }
        }
        return line == null ? text : line.toString();
    }

    /** The number of words of a text as {@link #oneLine} and strip leave it: its spaces plus one. */
    static int words(String oneLine) {
        int words = 1;
        for (int i = 0; i < oneLine.length(); i++) {
            if (oneLine.charAt(i) == ' ') {
                words++;
            }
        }
        return words;
    }

    private static boolean isSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\u000B' || c == '\f' || c == '\r';
    }

    /** At most max characters, cut at a word boundary when there is one, with an ellipsis when cut. */
    static String cut(String text, int max) {
        if (text.length() <= max) {
            return text;
        }
        int end = text.lastIndexOf(' ', max - 1);
        return (end > max / 2 ? text.substring(0, end) : text.substring(0, max - 1)).stripTrailing() + "…";
    }

    /** R9 before R10: shorter ids first, then as text. */
    private static int compareIds(String a, String b) {
        return a.length() != b.length() ? Integer.compare(a.length(), b.length()) : a.compareTo(b);
    }
}
