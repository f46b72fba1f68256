package nl.defenceline.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import nl.defenceline.UserError;
import nl.defenceline.classify.Category;
import nl.defenceline.classify.LabeledText;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExportLabelsTest {

    private static final String ZENDESK_HEADER = "Id,Created at,Via,Subject,Requester id,Tags\n";

    private static Path labelMap(Path dir) throws Exception {
        return Files.writeString(dir.resolve("labels.csv"),
                "value,category\nlevering,DELIVERY\nretour,RETURNS\nRefund request,PRICE_PAYMENT\n");
    }

    @Test
    void takesZendeskTagsThatMapToOneCategoryAndCountsTheRest(@TempDir Path dir) throws Exception {
        Path export = Files.createDirectory(dir.resolve("export"));
        Files.writeString(export.resolve("tickets.csv"), ZENDESK_HEADER
                + "1,2026-11-02 10:00:00 +0100,Mail,Waar blijft mijn pakket?,11,levering vip\n"
                + "2,2026-11-02 11:00:00 +0100,Mail,Hoe stuur ik dit terug?,12,retour\n"
                + "3,2026-11-02 12:00:00 +0100,Mail,Pakket kwijt en ik wil retour,13,levering retour\n"
                + "4,2026-11-02 13:00:00 +0100,Mail,Vraag,14,vip\n"
                + "5,2026-11-02 14:00:00 +0100,Mail,Geld terug?,15,\"Refund request\"\n"
                + "6,2026-11-02 15:00:00 +0100,Mail,,16,levering\n");

        ExportLabels.Result result = ExportLabels.read(export.toString(), "tags", ExportLabels.readMap(labelMap(dir)));

        assertEquals(6, result.tickets());
        assertEquals(List.of(Category.DELIVERY, Category.RETURNS, Category.PRICE_PAYMENT),
                result.texts().stream().map(LabeledText::category).toList());
        assertEquals("Waar blijft mijn pakket?", result.texts().get(0).text());
        assertEquals(1, result.conflicting(), "levering and retour disagree");
        assertEquals(1, result.unmapped(), "vip alone maps to nothing");
        assertEquals(1, result.unusable(), "a ticket without text");
        assertEquals(List.of("vip"), result.unmappedValues());
    }

    @Test
    void aWholeCellThatTheMapKnowsIsNotSplit() {
        Map<String, Category> map = Map.of("refund request", Category.PRICE_PAYMENT, "request", Category.OTHER);
        assertEquals(List.of("Refund request"), ExportLabels.values(" Refund request ", map));
        assertEquals(List.of("a", "b", "request"), ExportLabels.values("a b, request", map));
    }

    @Test
    void namesAMissingLabelColumnAndAnUnknownCategory(@TempDir Path dir) throws Exception {
        Path export = Files.createDirectory(dir.resolve("export"));
        Files.writeString(export.resolve("tickets.csv"), ZENDESK_HEADER
                + "1,2026-11-02 10:00:00 +0100,Mail,Waar blijft mijn pakket?,11,levering\n");
        UserError noColumn = assertThrows(UserError.class,
                () -> ExportLabels.read(export.toString(), "Type", ExportLabels.readMap(labelMap(dir))));
        assertTrue(noColumn.getMessage().contains("has no column 'Type'"), noColumn.getMessage());
        Path bad = Files.writeString(dir.resolve("bad.csv"), "value,category\nlevering,SHIPPING\n");
        UserError unknown = assertThrows(UserError.class, () -> ExportLabels.readMap(bad));
        assertTrue(unknown.getMessage().contains("unknown category 'SHIPPING', expected one of [PRODUCT_INFO"),
                unknown.getMessage());
    }

    @Test
    void takesTagsAndCustomFieldsFromAZendeskJsonExport(@TempDir Path dir) throws Exception {
        Path export = Files.createDirectory(dir.resolve("export"));
        String ticket = "{\"id\": %d, \"created_at\": \"2026-11-02T10:00:00Z\", \"via\": {\"channel\": \"email\"}, "
                + "\"subject\": \"%s\", \"requester_id\": 11, \"tags\": %s, "
                + "\"custom_fields\": [{\"id\": 360011, \"value\": \"%s\"}]}\n";
        Files.writeString(export.resolve("export-2026-11.json"),
                String.format(ticket, 1, "Waar blijft mijn pakket?", "[\"levering\", \"vip\"]", "retour")
                + String.format(ticket, 2, "Hoe stuur ik dit terug?", "[\"retour\"]", "retour")
                + String.format(ticket, 3, "Pakket kwijt en retour", "[\"levering\", \"retour\"]", "levering")
                + String.format(ticket, 4, "", "[\"levering\"]", "levering")
                + "{\"id\": 5, \"created_at\": \"2026-11-02T10:00:00Z\"\n");

        ExportLabels.Result tags = ExportLabels.read(export.toString(), "tags", ExportLabels.readMap(labelMap(dir)));
        assertEquals(5, tags.tickets());
        assertEquals(List.of(Category.DELIVERY, Category.RETURNS),
                tags.texts().stream().map(LabeledText::category).toList());
        assertEquals("export-2026-11.json:1", tags.texts().get(0).source());
        assertEquals(1, tags.conflicting());
        assertEquals(2, tags.unusable(), "a ticket without text and a truncated line");
        assertEquals(List.of("vip"), tags.unmappedValues());

        ExportLabels.Result custom = ExportLabels.read(export.toString(), "custom_fields.360011",
                ExportLabels.readMap(labelMap(dir)));
        assertEquals(List.of(Category.RETURNS, Category.RETURNS, Category.DELIVERY),
                custom.texts().stream().map(LabeledText::category).toList());
        UserError noField = assertThrows(UserError.class,
                () -> ExportLabels.read(export.toString(), "Type", ExportLabels.readMap(labelMap(dir))));
        assertTrue(noField.getMessage().contains("no ticket has a field 'Type'"), noField.getMessage());
    }
}
