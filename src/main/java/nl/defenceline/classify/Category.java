package nl.defenceline.classify;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** The line-of-defence categories a complaint is classified into, each with the fix on the shop's pages it points to. */
public enum Category {
    PRODUCT_INFO("Make specs, photos and size information complete and correct on the product page."),
    PRICE_PAYMENT("Show the full price including shipping costs up front, and explain payment and refund times."),
    DELIVERY("Make the delivery time unmistakable on the product page and in the checkout."),
    TERMS("Simplify the terms, warranty and cancellation rules and say them in plain words."),
    RETURNS("Put the return policy, return period and how to return in plain sight."),
    STOCK("Show availability and expected restock dates; balance stock against missed sales."),
    OTHER("No product-page fix: handle in service (accounts, newsletters, general questions)."),
    /** Not a label the model learns: a text whose best category is below the confidence threshold. */
    UNCERTAIN("Review these texts by hand (review/uncertain.csv) and add them to the training data.");

    private final String action;

    Category(String action) {
        this.action = action;
    }

    /** The line-of-defence action for this category, in plain words. */
    public String action() {
        return action;
    }

    /** Whether the model learns this category from labelled examples. */
    public boolean trained() {
        return this != UNCERTAIN;
    }

    /** A trained category by name, case-insensitive. */
    public static Optional<Category> parse(String name) {
        return Arrays.stream(values()).filter(Category::trained).filter(c -> c.name().equalsIgnoreCase(name.trim()))
                .findFirst();
    }

    /** The categories the model learns, in declaration order. */
    public static List<Category> trainedValues() {
        return Arrays.stream(values()).filter(Category::trained).toList();
    }

    /** The trained categories' names, for messages. */
    public static List<String> names() {
        return Arrays.stream(values()).filter(Category::trained).map(Category::name).toList();
    }
}
