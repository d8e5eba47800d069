package fr.pyramidesnoires.timing.quarantine;

import static fr.pyramidesnoires.timing.official.OfficialPages.ourOrigin;
import static fr.pyramidesnoires.timing.official.OfficialPages.page;
import static fr.pyramidesnoires.timing.official.OfficialPages.post;
import static io.restassured.RestAssured.given;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;

import fr.pyramidesnoires.events.ChipRead;
import fr.pyramidesnoires.events.Topics;
import fr.pyramidesnoires.events.testing.Eventually;
import fr.pyramidesnoires.events.testing.TopicProbe;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The officials' quarantine page, over the real broker and database. */
@QuarkusTest
class QuarantinePageTest {

    private static TopicProbe kafka;

    @BeforeAll
    static void connect() {
        kafka = TopicProbe.onTheServicesBroker();
    }

    @AfterAll
    static void disconnect() {
        kafka.close();
    }

    static String awaitPage(String path, Predicate<String> wanted) {
        return Eventually.until(() -> page(path), wanted, Duration.ofSeconds(30),
                last -> path + " never as expected:\n" + last);
    }

    static ValidatableResponse review(long id, String note, String origin) {
        return post("/quarantine/" + id + "/review", Map.of("note", note, "kind", "UNKNOWN_CHIP"), origin);
    }

    @Test
    void anUnknownChipIsShownInTheEventsTimeThenNotedAndKeptWithItsNote() throws Exception {
        String stranger = "CHIP-" + UUID.randomUUID();
        // 11:15:30 in Oignies in March is 10:15:30 UTC
        kafka.send(Topics.CHIP_READS, stranger, new ChipRead("R-LOOS", "M-LOOS-74", stranger,
                OffsetDateTime.of(2027, 3, 20, 10, 15, 30, 250_000_000, ZoneOffset.UTC), 1, -60, 7L,
                ChipRead.Source.MAT));

        String shown = awaitPage("/quarantine?kind=UNKNOWN_CHIP", p -> p.contains(stranger));
        assertThat(shown, containsString("<strong>Puces inconnues <span class=\"en\">/ unknown chips</span>"));
        assertThat(row(shown, stranger), containsString("<td>2027-03-20T11:15:30</td>"));
        long id = readId(shown, stranger);

        review(id, " ", ourOrigin()).statusCode(400).contentType(containsString("text/html"))
                .body(containsString("Une note est nécessaire"));
        review(id, "forged", "https://evil.example").statusCode(403);
        review(id, "puce de rechange donnée au départ / spare chip handed out at the start", ourOrigin())
                .statusCode(303).header("Location", containsString("/quarantine?kind=UNKNOWN_CHIP&done=reviewed"));

        assertThat(page("/quarantine?kind=UNKNOWN_CHIP&done=reviewed"),
                allOf(containsString("Note enregistrée"), not(containsString(stranger))));
        assertThat(row(page("/quarantine?kind=UNKNOWN_CHIP&reviewed=true"), stranger), allOf(
                containsString("puce de rechange donnée au départ / spare chip handed out at the start"),
                containsString("— judge,"), not(containsString("forged"))));
    }

    @Test
    void aReadNotedFromTheListWithNotedReadsGoesBackToThatList() throws Exception {
        String stranger = "CHIP-" + UUID.randomUUID();
        kafka.send(Topics.CHIP_READS, stranger, new ChipRead("R-LOOS", "M-LOOS-74", stranger,
                OffsetDateTime.of(2027, 3, 20, 10, 16, 0, 0, ZoneOffset.UTC), 1, -60, 8L, ChipRead.Source.MAT));
        String shown = awaitPage("/quarantine?kind=UNKNOWN_CHIP&reviewed=true", p -> p.contains(stranger));
        assertThat(row(shown, stranger), containsString("<input type=\"hidden\" name=\"reviewed\" value=\"true\">"));

        post("/quarantine/" + readId(shown, stranger) + "/review", Map.of("note", "puce d'essai / test chip",
                "kind", "UNKNOWN_CHIP", "reviewed", "true"), ourOrigin())
                .statusCode(303)
                .header("Location", containsString("/quarantine?kind=UNKNOWN_CHIP&reviewed=true&done=reviewed"));
    }

    @Test
    void aMalformedMessageIsShownWithWhyAndItsText() throws Exception {
        String marker = UUID.randomUUID().toString();
        kafka.sendRaw(Topics.CHIP_READS, "junk", "<reader " + marker + ">");

        String shown = awaitPage("/quarantine?kind=MALFORMED", p -> p.contains(marker));
        // the message is shown as text, never as markup
        assertThat(shown, allOf(containsString("&lt;reader " + marker + "&gt;"),
                not(containsString("<reader " + marker))));
    }

    @Test
    void onlyOfficialsSeeTheQuarantine() {
        given().auth().preemptive().basic("vol-est", "vol-est-secret").accept(ContentType.HTML)
                .when().get("/quarantine").then().statusCode(403);
    }

    /** The table row that shows the chip. */
    private static String row(String page, String chip) {
        int at = page.indexOf(chip);
        if (at < 0) {
            throw new AssertionError("no row for " + chip);
        }
        return page.substring(page.lastIndexOf("<tr>", at), page.indexOf("</tr>", at));
    }

    /** The id in the review form of the row that shows the chip. */
    private static long readId(String page, String chip) {
        Matcher row = Pattern.compile(Pattern.quote(chip) + ".*?action=\"/quarantine/(\\d+)/review\"", Pattern.DOTALL)
                .matcher(page);
        if (!row.find()) {
            throw new AssertionError("no review form for " + chip);
        }
        return Long.parseLong(row.group(1));
    }
}
