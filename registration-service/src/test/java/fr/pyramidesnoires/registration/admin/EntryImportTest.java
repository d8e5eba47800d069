package fr.pyramidesnoires.registration.admin;

import static fr.pyramidesnoires.registration.admin.AdminApi.asOrganiser;
import static fr.pyramidesnoires.registration.admin.AdminApi.register;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import fr.pyramidesnoires.events.EntryEvent;
import fr.pyramidesnoires.events.Topics;
import fr.pyramidesnoires.events.testing.TopicProbe;
import fr.pyramidesnoires.registration.entry.RegistrationTest;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ValidatableResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Entries another registration platform took, imported by the organiser from its export. IMPORT-A has 4 places,
 * bibs 8001-8020 and a non-binary division; the samples are in src/test/resources/imports.
 */
@QuarkusTest
class EntryImportTest {

    @BeforeEach
    void emptyTheRace() {
        AdminApi.empty("IMPORT-A");
    }

    @Test
    void aNjukoExportEntersItsRunnersAsEntriesOfTheRace() {
        importFile("format=njuko", sample("njuko.csv")).statusCode(200).body("entered", equalTo(3));

        JsonPath entries = entries();
        // by bib: the file's own, the race's first free ones otherwise
        assertEquals(List.of("Dupont", "Martin", "Lefebvre"), entries.getList("entries.lastName"));
        Map<String, Object> marie = entered(entries, "Dupont", "F", "1990-05-14", "M0", "njuko");
        assertEquals("Marie", marie.get("firstName"));
        assertEquals("AC Oignies; section trail", marie.get("club"));
        assertEquals("0987654", marie.get("licenceNumber"));
        assertEquals(8001, marie.get("bib"));
        Map<String, Object> jean = entered(entries, "Lefebvre", "H", "1985-02-03", "M1", "njuko");
        assertEquals("BEL", jean.get("nationality"));
        assertEquals(8015, jean.get("bib"));
        assertEquals(8002, entered(entries, "Martin", "F", "2000-11-30", "SE", "njuko").get("bib"));

        // timing and results hear of an imported runner as of any other
        try (TopicProbe kafka = TopicProbe.onTheServicesBroker()) {
            EntryEvent event = kafka.awaitLast(Topics.ENTRIES, EntryEvent.class,
                    e -> e.entryId().equals(jean.get("id")), Duration.ofSeconds(20));
            assertEquals(EntryEvent.Type.UPSERTED, event.type());
            assertEquals(8015, event.bib());
            assertEquals("Lefebvre", event.lastName());
        }
    }

    @Test
    void anUltraSignupExportReadsMonthFirstDatesWordsForSexAndTwoLetterCountries() {
        importFile("format=ultrasignup", sample("ultrasignup.csv")).statusCode(200).body("entered", equalTo(2));

        JsonPath entries = entries();
        Map<String, Object> sarah = entered(entries, "O'Neil", "F", "1989-07-04", "M0", "ultrasignup");
        assertEquals("USA", sarah.get("nationality"));
        assertEquals("Boulder Trail Runners", sarah.get("club"));
        assertEquals(8010, entered(entries, "Brown", "H", "1983-12-25", "M1", "ultrasignup").get("bib"));
    }

    @Test
    void aRunSignupExportWithQuotedCellsEntersANonBinaryRunner() {
        importFile("format=runsignup", sample("runsignup.csv")).statusCode(200).body("entered", equalTo(2));

        JsonPath entries = entries();
        Map<String, Object> alex = entered(entries, "Kim", "X", "1995-06-01", "SE", "runsignup");
        assertEquals("Montréal Ultra, club", alex.get("club"));
        assertEquals("CAN", alex.get("nationality"));
        assertNull(entered(entries, "Lee", "F", "2005-02-09", "ES", "runsignup").get("club"));
    }

    @Test
    void aFileWithFaultyLinesIsRefusedWholeNamingEachLine() {
        String licence = RegistrationTest.uniqueLicence();
        register("IMPORT-A", "Deja", "F", Map.of("email", "deja@example.org", "licenceNumber", licence));
        String csv = """
                Prénom;Nom;Sexe;Naissance;Courriel;Dossard;Licence
                Anne;Valide;F;01/01/1990;anne.valide@example.org;;
                Paul;Sanssexe;;02/02/1990;paul@example.org;;
                Zoé;Date;F;31/02/1990;zoe@example.org;;
                Luc;Dossard;H;03/03/1990;luc@example.org;9999;
                Ana;Double;F;04/04/1990;Anne.Valide@example.org;;
                Eva;Inscrite;F;05/05/1990;deja@example.org;;%s
                Ivo;Sansmail;Male;06/06/1990;;;
                """.formatted(licence);

        importFile("mapping=firstName:Prénom,lastName:Nom,sex:Sexe,birthDate:Naissance,email:Courriel,bib:Dossard,"
                + "licenceNumber:Licence&source=monclub", csv.getBytes(StandardCharsets.UTF_8))
                .statusCode(422).contentType("application/problem+json")
                .body("type", containsString("entry-import-refused"))
                .body("errors.field", contains("ligne 3 / line 3", "ligne 4 / line 4", "ligne 5 / line 5",
                        "ligne 6 / line 6", "ligne 7 / line 7", "ligne 7 / line 7", "ligne 7 / line 7",
                        "ligne 8 / line 8"))
                .body("errors[0].message", containsString("'Sexe' (sex)"))
                .body("errors[1].message", containsString("31/02/1990"))
                .body("errors[2].message", containsString("8001-8020"))
                .body("errors[3].message", containsString("already on line 2"))
                .body("errors.findAll { it.field == 'ligne 7 / line 7' }.message.join(' ')",
                        containsString("already entered in IMPORT-A"))
                .body("errors.findAll { it.field == 'ligne 7 / line 7' }.message.join(' ')",
                        containsString("Licence number " + licence))
                // the four lines that could be read are one more than the places left, which is a fault too
                .body("errors.findAll { it.field == 'ligne 7 / line 7' }.message.join(' ')",
                        containsString("4 runners for 3 free place(s)"))
                .body("errors[7].message", containsString("'Courriel' (email)"));

        assertEquals(List.of("Deja"), entries().getList("entries.lastName"));
    }

    @Test
    void moreRunnersThanPlacesLeftIsRefusedWholeRatherThanWaitlisted() {
        register("IMPORT-A", "First");
        register("IMPORT-A", "Second");

        importFile("format=njuko", sample("njuko.csv")).statusCode(422)
                .body("errors.field", contains("ligne 4 / line 4"))
                .body("errors[0].message", containsString("3 runners for 2 free place(s)"));

        assertEquals(List.of("First", "Second"), entries().getList("entries.lastName"));
    }

    @Test
    void aFormatOrAMappingIsNeededAndOnlyOneOfThem() {
        importFile("format=eventbrite", sample("njuko.csv")).statusCode(400)
                .body("errors.field", contains("format"));
        importFile("format=njuko&mapping=firstName:Prénom", sample("njuko.csv")).statusCode(400)
                .body("errors.field", contains("format"));
        importFile("mapping=firstName:Prénom,age:Age", sample("njuko.csv")).statusCode(400)
                .body("errors.field", contains("mapping"))
                .body("errors[0].message", containsString("age:Age"));
        asOrganiser().contentType("text/csv").body(sample("njuko.csv"))
                .when().post("/api/admin/races/NOSUCH/entries/import?format=njuko")
                .then().statusCode(404);
        given().contentType("text/csv").body(sample("njuko.csv"))
                .when().post("/api/admin/races/IMPORT-A/entries/import?format=njuko")
                .then().statusCode(401);
        assertEquals(List.of(), entries().getList("entries.lastName"));
    }

    private static ValidatableResponse importFile(String query, byte[] csv) {
        return asOrganiser().contentType("text/csv; charset=UTF-8").body(csv)
                .when().post("/api/admin/races/IMPORT-A/entries/import?" + query)
                .then();
    }

    private static JsonPath entries() {
        return asOrganiser().when().get("/api/admin/entries?race=IMPORT-A&size=50")
                .then().statusCode(200).extract().jsonPath();
    }

    /** The runner's entry, with a place, the sex, birth date and category read from the file and its source. */
    private static Map<String, Object> entered(JsonPath entries, String lastName, String sex, String birthDate,
                                               String category, String source) {
        Map<String, Object> entry = entries.getMap("entries.find { it.lastName == \"" + lastName + "\" }");
        assertEquals(List.of("CONFIRMED", sex, birthDate, category, source), Arrays.asList(entry.get("status"),
                entry.get("sex"), entry.get("birthDate"), entry.get("category"), entry.get("importedFrom")), lastName);
        return entry;
    }

    private static byte[] sample(String name) {
        try (InputStream in = EntryImportTest.class.getResourceAsStream("/imports/" + name)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
