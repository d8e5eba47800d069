package fr.pyramidesnoires.registration.admin;

import static fr.pyramidesnoires.registration.admin.AdminApi.asOrganiser;
import static fr.pyramidesnoires.registration.admin.AdminApi.register;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Race ADMIN-D of the test races file: 3 places, bibs 9701-9710. */
@QuarkusTest
class AdminExportTest {

    @BeforeEach
    void fillTheRace() {
        AdminApi.empty("ADMIN-D");
        register("ADMIN-D", "Arnaud", "F", Map.of("club", "Lens; Liévin", "birthDate", "2006-04-04"));
        register("ADMIN-D", "Hidden", "H", Map.of("publishName", false));
        register("ADMIN-D", "Carpentier", "F", Map.of("club", "=HYPERLINK(\"x\")"));
        register("ADMIN-D", "Waiting", "H", Map.of());
    }

    @Test
    void theStartListShowsWhatAStartListShows() {
        // what a runner typed is never run by a spreadsheet: the club's formula stays text
        List<String> lines = csv("/api/admin/races/ADMIN-D/start-list.csv");

        assertEquals(List.of(
                "bib;lastName;firstName;sex;category;club;nationality",
                "9701;Arnaud;Alex;F;ES;\"Lens; Liévin\";FRA",
                "9702;;;H;M0;AC Oignies;FRA",
                "9703;Carpentier;Alex;F;M0;\"'=HYPERLINK(\"\"x\"\")\";FRA"), lines);
    }

    @Test
    void theOrganisersExportHasEveryEntryAndItsPrivateFields() {
        List<String> lines = csv("/api/admin/entries.csv?race=ADMIN-D");

        assertEquals(5, lines.size());
        assertTrue(lines.get(0).startsWith("id;race;status;bib;chip;waitlistedAt;lastName;firstName;sex;birthDate"));
        assertTrue(lines.get(2).contains(";Hidden;Alex;H;1990-05-14;M0;FRA;AC Oignies;false;alex@example.org;"
                + "'+33 6 12 34 56 78;"), lines.get(2));
        assertTrue(lines.get(3).contains(";Carpentier;Alex;F;1990-05-14;M0;FRA;\"'=HYPERLINK(\"\"x\"\")\";"),
                lines.get(3));
        assertTrue(lines.get(4).contains(";ADMIN-D;WAITLISTED;;"), lines.get(4));
    }

    @Test
    void theDashboardCountsPlacesWaitlistSexesAndCategories() {
        JsonPath dashboard = asOrganiser().when().get("/api/admin/dashboard")
                .then().statusCode(200).extract().jsonPath();
        Map<String, Object> race = dashboard.getMap("races.find { it.code == 'ADMIN-D' }");

        assertEquals(3, race.get("capacity"));
        assertEquals(3, race.get("confirmed"));
        assertEquals(1, race.get("waitlisted"));
        assertEquals(1.0f, race.get("fillRate"));
        assertEquals(Map.of("F", 2, "H", 1), race.get("bySex"));
        assertEquals(Map.of("ES", 1, "M0", 2), race.get("byCategory"));
        assertTrue(dashboard.getInt("confirmed") >= 3);
    }

    private static List<String> csv(String path) {
        String body = asOrganiser().when().get(path)
                .then().statusCode(200).contentType("text/csv").extract().asString();
        return List.of(body.split("\n"));
    }
}
