package nl.defenceline.generate;

import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import nl.defenceline.classify.Category;

/** Dutch and English customer texts from varied templates, with greetings, signatures, typos and order numbers. */
final class Texts {

    private static final Map<Category, List<String>> DUTCH = new EnumMap<>(Category.class);
    private static final Map<Category, List<String>> ENGLISH = new EnumMap<>(Category.class);

    static {
        DUTCH.put(Category.PRODUCT_INFO, List.of(
                "Wat zijn de precieze afmetingen van de {product}? Dat staat nergens op de site.",
                "Is de {product} van echt leer of kunstleer? In de beschrijving staat het niet.",
                "De kleur van de {product} is in het echt heel anders dan op de foto.",
                "Ik twijfel tussen maat 38 en 40, valt de {product} klein of normaal?",
                "Mijn {product} is na twee keer dragen al kapot, de naad laat los.",
                "Welk materiaal is de voering van de {product}? Ik ben allergisch voor wol.",
                "Is de {product} geschikt voor in de vaatwasser?",
                "De maattabel klopt niet, ik heb altijd M maar deze is veel te krap."));
        ENGLISH.put(Category.PRODUCT_INFO, List.of(
                "What are the exact dimensions of the {product}? I can't find them on the page.",
                "Does the {product} run true to size? The size guide is confusing.",
                "The colour of the {product} looks nothing like the photo on your website.",
                "Is the {product} waterproof or only water resistant?",
                "The zipper on my {product} broke after one week, is that normal quality?",
                "Which bulb fits in the {product}? The manual doesn't say.",
                "Can you tell me what fabric the {product} is made of?"));
        DUTCH.put(Category.PRICE_PAYMENT, List.of(
                "Waarom zijn de verzendkosten pas bij het afrekenen zichtbaar? Dat had ik eerder willen weten.",
                "Ik heb twee keer betaald voor bestelling {order}, kunt u het dubbele bedrag terugstorten?",
                "Mijn iDEAL betaling is mislukt maar het geld is wel van mijn rekening af.",
                "Ik heb de {product} drie weken geleden teruggestuurd maar nog steeds geen geld terug ontvangen.",
                "Kan ik ook achteraf betalen met Klarna?",
                "Ik heb een factuur met btw nodig voor bestelling {order}.",
                "De kortingscode werkt niet bij het afrekenen."));
        ENGLISH.put(Category.PRICE_PAYMENT, List.of(
                "Why do I only see the shipping costs at checkout? The total is much higher than the listed price.",
                "I was charged twice for order {order}, please refund one payment.",
                "Still waiting for my refund for the {product}, it has been 3 weeks.",
                "Can I pay with PayPal? I don't see the option.",
                "Please send me an invoice for order {order} with your VAT number.",
                "The discount code from your newsletter is not accepted."));
        DUTCH.put(Category.DELIVERY, List.of(
                "Waar blijft mijn pakket? Ik heb bestelling {order} al een week geleden geplaatst.",
                "Volgens track & trace is mijn pakket bezorgd maar ik heb niks ontvangen.",
                "Wanneer wordt mijn bestelling {order} geleverd? Op de site stond 1-2 werkdagen.",
                "De bezorger heeft mijn pakket bij de buren afgegeven maar welke buren?",
                "Mijn pakket staat al 4 dagen op 'onderweg' bij PostNL.",
                "Kan ik het bezorgadres nog wijzigen voor bestelling {order}?",
                "Het pakket kwam helemaal kapot aan, de doos was ingedeukt.",
                "Hoe lang duurt de levering naar Belgie?",
                "nog steeds niks ontvangen van {order}, wat is de levertijd nou echt?"));
        ENGLISH.put(Category.DELIVERY, List.of(
                "Where is my order {order}? It was supposed to arrive on Friday.",
                "Tracking says delivered but there is no parcel at my door.",
                "How long does delivery to Germany take?",
                "My package has been stuck in transit with DHL for five days.",
                "Can I still change the delivery address for order {order}?",
                "The parcel arrived damaged, the box was crushed.",
                "package not arrived yet, when will it come??"));
        DUTCH.put(Category.TERMS, List.of(
                "Ik wil mijn bestelling {order} annuleren, dat kan toch nog?",
                "Hoe lang heb ik garantie op de {product}?",
                "Waar kan ik uw algemene voorwaarden vinden?",
                "Ik wil dat u al mijn gegevens verwijdert (AVG).",
                "Valt een kapotte rits onder de garantie?"));
        ENGLISH.put(Category.TERMS, List.of(
                "Please cancel my order {order} before it ships.",
                "What warranty do you give on the {product}?",
                "Where can I read your terms and conditions?",
                "Please delete my personal data under GDPR.",
                "Is the warranty still valid if I bought it on sale?"));
        DUTCH.put(Category.RETURNS, List.of(
                "Hoe kan ik de {product} retourneren?",
                "Ik wil de {product} omruilen voor een maat groter, hoe werkt dat?",
                "Er zat geen retourlabel in het pakket.",
                "Hoeveel dagen heb ik om iets terug te sturen?",
                "Ik heb mijn retour vorige week verstuurd, is die al aangekomen?",
                "Moet ik zelf de retourkosten betalen?"));
        ENGLISH.put(Category.RETURNS, List.of(
                "How do I send the {product} back?",
                "I'd like to exchange the {product} for a smaller size.",
                "There was no return label in my package.",
                "What is your return policy for sale items?",
                "I returned my order last week, did you receive it?"));
        DUTCH.put(Category.STOCK, List.of(
                "Wanneer is de {product} weer op voorraad?",
                "Komt de {product} nog terug in maat M?",
                "De {product} is uitverkocht, krijgen jullie die nog binnen?",
                "Kan ik de {product} alvast bestellen als hij weer binnen is?"));
        ENGLISH.put(Category.STOCK, List.of(
                "When will the {product} be back in stock?",
                "Is the {product} available in size L again soon?",
                "The {product} is sold out, will you restock it?"));
        DUTCH.put(Category.OTHER, List.of(
                "Ik kan niet inloggen op mijn account, wachtwoord resetten werkt niet.",
                "Graag afmelden voor de nieuwsbrief.",
                "Hebben jullie ook een fysieke winkel in Utrecht?",
                "Compliment voor jullie snelle service!",
                "Wij zijn een winkel in Gent en willen graag groothandelsprijzen ontvangen."));
        ENGLISH.put(Category.OTHER, List.of(
                "I can't log in to my account, the reset link doesn't work.",
                "Please unsubscribe me from the newsletter.",
                "Do you have a physical store I can visit?",
                "Just wanted to say thanks for the great service!",
                "Are you interested in a collaboration with my Instagram page?"));
    }

    private static final List<String> DUTCH_GREETINGS = List.of("Beste klantenservice,", "Hallo,", "Hoi,", "Goedemiddag,", "Beste,");
    private static final List<String> DUTCH_SIGNOFFS = List.of("Met vriendelijke groet,\nSanne de Vries", "Mvg Kees",
            "Groetjes,\nFleur", "Alvast bedankt!\nPieter", "Verzonden vanaf mijn iPhone");
    private static final List<String> ENGLISH_GREETINGS = List.of("Hi,", "Hello,", "Dear team,", "Good morning,");
    private static final List<String> ENGLISH_SIGNOFFS = List.of("Kind regards,\nEmma Jansen", "Thanks,\nTom",
            "Best regards,\nJ. Smith", "Sent from my iPhone");

    /** First names customers sign with or mention, for both languages. */
    private static final List<String> NAMES = List.of("Sanne", "Fleur", "Emma", "Julia", "Lotte", "Anouk", "Sophie",
            "Lisa", "Eva", "Noor", "Iris", "Femke", "Lieke", "Marloes", "Ingrid", "Petra", "Monique", "Esther", "Karin",
            "Wendy", "Yvonne", "Sandra", "Linda", "Mirjam", "Hanneke", "Annemiek", "Roos", "Tess", "Zoë", "Mila",
            "Sara", "Fatima", "Yasmina", "Aylin", "Priya", "Chantal", "Els", "Greet", "Hilde", "Nathalie", "Kees",
            "Pieter", "Jan", "Tom", "Bram", "Daan", "Sem", "Lucas", "Thijs", "Ruben", "Jeroen", "Bas", "Martijn",
            "Sander", "Niels", "Koen", "Wouter", "Joost", "Erik", "Marco", "Rob", "Hans", "Gert", "Henk", "Willem",
            "Jasper", "Stijn", "Milan", "Finn", "Luuk", "Mohamed", "Youssef", "Emre", "Mehmet", "Arjun", "Dirk",
            "Frank", "Geert", "Jelle", "Rik");
    /** Towns and cities of the Netherlands and Flanders, where customers write from or want delivery. */
    private static final List<String> TOWNS = List.of("Utrecht", "Amsterdam", "Rotterdam", "Den Haag", "Eindhoven",
            "Groningen", "Tilburg", "Almere", "Breda", "Nijmegen", "Apeldoorn", "Haarlem", "Arnhem", "Enschede",
            "Amersfoort", "Zaanstad", "Zwolle", "Leiden", "Maastricht", "Dordrecht", "Zoetermeer", "Ede", "Delft",
            "Deventer", "Leeuwarden", "Alkmaar", "Venlo", "Helmond", "Hilversum", "Heerlen", "Oss", "Gouda", "Assen",
            "Emmen", "Almelo", "Hengelo", "Roosendaal", "Purmerend", "Schiedam", "Lelystad", "Veenendaal", "Zeist",
            "Harderwijk", "Kampen", "Meppel", "Sneek", "Hoorn", "Den Helder", "Middelburg", "Vlissingen", "Goes",
            "Bergen op Zoom", "Weert", "Roermond", "Sittard", "Doetinchem", "Tiel", "Wageningen", "Culemborg",
            "Woerden", "Bodegraven", "Alphen", "Katwijk", "Noordwijk", "Wassenaar", "Rijswijk", "Capelle", "Vlaardingen",
            "Gorinchem", "Zaltbommel", "Uden", "Veghel", "Boxtel", "Waalwijk", "Oosterhout", "Etten-Leur", "Terneuzen",
            "Drachten", "Heerenveen", "Hoogeveen", "Coevorden", "Winterswijk", "Zutphen", "Nunspeet", "Baarn", "Bussum",
            "Huizen", "Weesp", "Diemen", "Amstelveen", "Antwerpen", "Gent", "Brugge", "Leuven", "Mechelen", "Hasselt",
            "Kortrijk", "Aalst", "Genk", "Oostende");
    /** Parts of town, the first one none. */
    private static final List<String> DISTRICTS = List.of("", "-Noord", "-Zuid", "-Oost", "-West");
    /** Initials of a surname, the first one none. */
    private static final List<String> INITIALS = List.of("", " A.", " B.", " D.", " E.", " G.", " H.", " J.", " K.",
            " L.", " M.", " P.", " R.", " S.", " V.", " W.");
    /** Short sentences customers add about who and where, with a name and a place; no two alike within a language. */
    private static final List<String> DUTCH_CLAUSES = List.of("{name} uit {place}.", "Ik ben {name} uit {place}.",
            "Voor {name} in {place}.", "Adres: {name}, {place}.", "({name}, {place})", "Gr. {name}, {place}.",
            "{name}, {place}.", "Namens {name}, {place}.", "{name} in {place}.", "Via {name} ({place}).",
            "T.a.v. {name}, {place}.", "Groet, {name} uit {place}.");
    private static final List<String> ENGLISH_CLAUSES = List.of("{name} from {place}.", "I am {name} from {place}.",
            "For {name} in {place}.", "Address: {name}, {place}.", "({name}, {place})", "Thx, {name}, {place}.",
            "{name}, {place}.", "On behalf of {name}, {place}.", "{name} in {place}.", "Via {name} ({place}).",
            "Attn. {name}, {place}.", "Cheers, {name} from {place}.");
    /** Distinct clauses in each language: a text's clause is told by its ordinal as long as ordinals stay below this. */
    static final long CLAUSES = (long) DUTCH_CLAUSES.size() * NAMES.size() * INITIALS.size() * TOWNS.size()
            * DISTRICTS.size();
    /** A multiplier coprime with {@link #CLAUSES} (a prime above all its factors): scatters consecutive ordinals. */
    private static final long SCATTER = 1_000_003L;

    private final Random random;
    private final boolean realistic;
    private final long offset;

    /**
     * @param realistic give every message a clause of its own (who writes, from where), which makes the texts as long
     *                  as real ones on average and no two alike; see {@link #unique}
     */
    Texts(Random random, boolean realistic) {
        this.random = random;
        this.realistic = realistic;
        this.offset = realistic ? Math.floorMod(random.nextLong(), CLAUSES) : 0;
    }

    String subject(Category category, boolean dutch) {
        return switch (category) {
            case PRODUCT_INFO -> dutch ? pick(random, "Vraag over product", "Maat", "Productinformatie") : pick(random, "Product question", "Size", "Question");
            case PRICE_PAYMENT -> dutch ? pick(random, "Betaling", "Terugbetaling", "Factuur") : pick(random, "Payment", "Refund", "Invoice");
            case DELIVERY -> dutch ? pick(random, "Levering", "Waar is mijn pakket", "Bezorging") : pick(random, "Delivery", "Where is my order", "Shipping");
            case TERMS -> dutch ? pick(random, "Annuleren", "Garantie", "Voorwaarden") : pick(random, "Cancel order", "Warranty", "Terms");
            case RETURNS -> dutch ? pick(random, "Retour", "Ruilen", "Terugsturen") : pick(random, "Return", "Exchange", "Returns");
            case STOCK -> dutch ? pick(random, "Voorraad", "Uitverkocht") : pick(random, "Stock", "Back in stock");
            case OTHER, UNCERTAIN -> dutch ? pick(random, "Vraag", "Account") : pick(random, "Question", "Account");
        };
    }

    /**
     * One customer message; e-mails get a greeting, a signature and sometimes quoted reply history.
     *
     * @param ordinal the message's number among the source's messages, from 0: with realistic texts it picks the
     *                message's own clause
     */
    String message(Category category, boolean dutch, boolean email, String product, String order, long ordinal) {
        List<String> templates = (dutch ? DUTCH : ENGLISH).get(category);
        String core = templates.get(random.nextInt(templates.size()))
                .replace("{product}", product == null ? (dutch ? "jas" : "jacket") : product)
                .replace("{order}", random.nextBoolean() ? order : "#" + order.substring(2));
        core = withClause(noisy(core), dutch, ordinal);
        if (!email) {
            return random.nextDouble() < 0.3 ? core.toLowerCase(Locale.ROOT).replaceAll("[.?!,]", "") : core;
        }
        StringBuilder mail = new StringBuilder();
        mail.append(pick(random, dutch ? DUTCH_GREETINGS : ENGLISH_GREETINGS)).append("\n\n").append(core).append("\n\n")
                .append(pick(random, dutch ? DUTCH_SIGNOFFS : ENGLISH_SIGNOFFS));
        if (random.nextDouble() < 0.2) {
            mail.append(dutch ? "\n\nOp 3 nov. 2026 om 10:12 schreef Klantenservice <service@shop.example>:\n> Bedankt voor uw bericht."
                    : "\n\nOn Tue, Nov 3, 2026 at 10:12 AM Customer Service <service@shop.example> wrote:\n> Thank you for your message.");
        }
        return mail.toString();
    }

    String returnComment(String reasonCode, boolean dutch) {
        return switch (reasonCode) {
            case "colour_differs" -> dutch ? pick(random, "Kleur wijkt af van de foto", "de kleur is veel donkerder dan op de foto",
                    "Groen is meer kaki, niet zoals op de afbeelding", "") : pick(random, "Colour differs from the photo",
                    "the green is much darker than on the website", "");
            case "too_small" -> dutch ? pick(random, "Te klein", "valt erg klein, bestel een maat groter", "Veel te krap bij de tenen", "")
                    : pick(random, "Too small", "runs small, size up", "");
            case "too_large" -> dutch ? pick(random, "Te groot", "valt groot") : pick(random, "Too big", "runs large");
            case "damaged" -> dutch ? pick(random, "Beschadigd aangekomen", "doos kapot en product beschadigd") : pick(random, "Arrived damaged");
            case "defective" -> dutch ? pick(random, "Werkt niet", "Na een dag al stuk") : pick(random, "Doesn't work", "broke after a day");
            case "not_as_described" -> dutch ? pick(random, "Anders dan beschreven", "") : pick(random, "Not as described");
            case "changed_mind" -> dutch ? pick(random, "Toch niet nodig", "Bedacht", "") : pick(random, "Changed my mind", "");
            default -> dutch ? pick(random, "", "Geen reden", "Past niet bij mijn interieur") : pick(random, "", "Other");
        };
    }

    String stockQuestion(boolean dutch, String product, long ordinal) {
        List<String> templates = (dutch ? DUTCH : ENGLISH).get(Category.STOCK);
        return withClause(noisy(templates.get(random.nextInt(templates.size())).replace("{product}", product)), dutch,
                ordinal);
    }

    private String withClause(String core, boolean dutch, long ordinal) {
        return realistic ? core + " " + unique(Math.floorMod(ordinal * SCATTER + offset, CLAUSES), dutch) : core;
    }

    /**
     * The clause with number {@code index} (below {@link #CLAUSES}) in one language: the index's digits in the mixed
     * radix of the lists pick the sentence, the name, the initials, the town and the part of town, so different
     * indexes give different clauses, in their own words (the classifier masks numbers, so digits would not do).
     */
    static String unique(long index, boolean dutch) {
        long rest = index;
        List<String> clauses = dutch ? DUTCH_CLAUSES : ENGLISH_CLAUSES;
        String clause = clauses.get((int) (rest % clauses.size()));
        rest /= clauses.size();
        String name = NAMES.get((int) (rest % NAMES.size()));
        rest /= NAMES.size();
        String initials = INITIALS.get((int) (rest % INITIALS.size()));
        rest /= INITIALS.size();
        String town = TOWNS.get((int) (rest % TOWNS.size()));
        rest /= TOWNS.size();
        String district = DISTRICTS.get((int) (rest % DISTRICTS.size()));
        return clause.replace("{name}", name + initials).replace("{place}", town + district);
    }

    /** Typos and shouting, as customers write. */
    private String noisy(String text) {
        double roll = random.nextDouble();
        if (roll < 0.12) {
            int at = 1 + random.nextInt(Math.max(1, text.length() - 3));
            if (Character.isLetter(text.charAt(at)) && Character.isLetter(text.charAt(at + 1))) {
                return text.substring(0, at) + text.charAt(at + 1) + text.charAt(at) + text.substring(at + 2);
            }
        } else if (roll < 0.15) {
            return text.toUpperCase(Locale.ROOT);
        }
        return text;
    }

    @SafeVarargs
    static <T> T pick(Random random, T... options) {
        return options[random.nextInt(options.length)];
    }

    static <T> T pick(Random random, List<T> options) {
        return options.get(random.nextInt(options.size()));
    }
}
