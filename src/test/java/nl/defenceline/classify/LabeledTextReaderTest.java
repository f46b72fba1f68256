package nl.defenceline.classify;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LabeledTextReaderTest {

    @Test
    void readsAReviewFileThatStartsWithAByteOrderMark(@TempDir Path dir) throws Exception {
        // As the run writes review/uncertain.csv: a byte-order mark, then "source" as the first column.
        Path file = dir.resolve("uncertain.csv");
        Files.writeString(file, "\uFEFFsource,id,category,text,language\n"
                + "returns,R100,RETURNS,Too big,EN\nreturns,R101,,Te klein,nl\n", StandardCharsets.UTF_8);

        LabeledTextReader.ShopLabels labels = LabeledTextReader.readShopLabels(file);

        assertEquals(1, labels.unlabelled());
        assertEquals(List.of(new LabeledText(Category.RETURNS, "en", "Too big", "uncertain.csv:2", "returns")),
                labels.texts());
    }

    @Test
    void readsAFileWithoutAByteOrderMarkFromItsFirstCharacter(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("labels.csv");
        Files.writeString(file, "text,category\nWaar blijft mijn pakket,DELIVERY\n", StandardCharsets.UTF_8);

        assertEquals(List.of(new LabeledText(Category.DELIVERY, "", "Waar blijft mijn pakket", "labels.csv:2",
                "labels.csv")), LabeledTextReader.read(file));
    }
}
