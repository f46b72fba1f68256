package nl.defenceline.classify.opennlp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import nl.defenceline.classify.LabeledText;
import nl.defenceline.classify.LabeledTextReader;
import opennlp.tools.langdetect.LanguageDetectorME;
import opennlp.tools.langdetect.LanguageDetectorModel;
import org.junit.jupiter.api.Test;

class FastLanguageDetectorTest {

    @Test
    void agreesWithOpenNlpsDetectorOnEveryTrainingAndEvaluationText() throws Exception {
        LanguageDetectorModel model;
        try (InputStream in = getClass().getClassLoader().getResourceAsStream("langdetect-183.bin")) {
            model = new LanguageDetectorModel(in);
        }
        FastLanguageDetector.Compiled compiled = FastLanguageDetector.compile(model);
        assertNotNull(compiled, "OpenNLP's default language model is one the fast detector reproduces");
        FastLanguageDetector fast = new FastLanguageDetector(compiled);
        LanguageDetectorME reference = new LanguageDetectorME(model);
        List<String> texts = new ArrayList<>();
        for (String folder : List.of("sample-data/training", "sample-data/evaluation")) {
            LabeledTextReader.read(Path.of(folder)).stream().map(LabeledText::text).forEach(texts::add);
        }
        texts.addAll(List.of("", "😀😀 https://example.com @shop #sale 12345", "Ünïcödé ÀÉÎ straße",
                "Je n'ai pas reçu ma commande", "Wann kommt meine Bestellung?", "¿Dónde está mi pedido?"));
        int disagreements = 0;
        StringBuilder examples = new StringBuilder();
        for (String text : texts) {
            String expected = reference.predictLanguage(text).getLang();
            String actual = fast.predictLanguage(text);
            if (!expected.equals(actual)) {
                disagreements++;
                examples.append("\n").append(expected).append(" vs ").append(actual).append(": ").append(text);
            }
        }
        assertEquals(0, disagreements, texts.size() + " texts" + examples);
    }

    @Test
    void normalisesAsOpenNlpsNormaliserOnEveryTrainingAndEvaluationTextAndOnRandomTexts() throws Exception {
        List<String> texts = new ArrayList<>();
        for (String folder : List.of("sample-data/training", "sample-data/evaluation")) {
            LabeledTextReader.read(Path.of(folder)).stream().map(LabeledText::text).forEach(texts::add);
        }
        texts.addAll(List.of("", " ", "  a  ", "\t\n x \r\n", "order 123 4b5", "haha jaja hihi HaHa hoho jAjA",
                "hahaa hahah hhaa aha", "rt @shop RT: #sale", "art: start kort rt", ":) ;-( xd x-p :o :-P X)",
                "mail jan@shop.nl or http://x.y https://a", "zooo!!! ...  aaa AaA", "😀 \uD83D\uDE00 \uD83C x",
                "\u000B\f  \u000B", "d\u0000\u0000\u0000", "a\n\n\nb", "2-pack e--mail -x- -",
                "\uE000 \uFF0C \uFEFF \uDFFF \uD835\uDC00 \uD800 \uDBFF\uDFFF"));
        String[] pieces = {"h", "H", "j", "a", "A", "e", "o", "u", "i", "x", "X", "r", "t", "T", ":", ";", "-", "(", ")",
            "d", "p", "P", "#", "@", " ", "  ", "\t", "\n", "1", "23", "http", "http://", ".", "😀", "\uD83D", "é", "z",
            "zz", "www", "-", "--", "\uD835\uDC00", "\uFF0C", "\uDBFF\uDFFF"};
        Random random = new Random(19);
        for (int n = 0; n < 20_000; n++) {
            StringBuilder text = new StringBuilder();
            for (int k = random.nextInt(12); k >= 0; k--) {
                text.append(pieces[random.nextInt(pieces.length)]);
            }
            texts.add(text.toString());
        }
        int compared = 0;
        for (String text : texts) {
            String expected;
            try {
                expected = FastLanguageDetector.NORMALIZER.normalize(text).toString();
            } catch (StringIndexOutOfBoundsException jdkBug) {
                // The JDK's case-insensitive back reference fails on a repeated code point above U+FFFF (two of
                // U+10FFFF in a row, which the Emoji normaliser leaves); the fast path does not fail there.
                continue;
            }
            assertEquals(expected, FastLanguageDetector.normalize(text).toString(), text);
            compared++;
        }
        assertTrue(compared > texts.size() * 0.99, compared + " of " + texts.size());
    }
}
