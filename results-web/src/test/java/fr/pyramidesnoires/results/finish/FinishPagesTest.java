package fr.pyramidesnoires.results.finish;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.pyramidesnoires.events.testing.TopicProbe;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.io.IOException;
import java.net.URL;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The finish-line screen, the finishers' certificates and the previews of shared links, fed from the real broker. */
@QuarkusTest
class FinishPagesTest {

    private static TopicProbe kafka;
    private static String race;

    @TestHTTPResource("/")
    URL root;

    @BeforeAll
    static void connect() {
        kafka = TopicProbe.onTheServicesBroker();
    }

    /** One race for every test, none of which changes it; made once the server's port is known. */
    @BeforeEach
    void finishedRace() throws InterruptedException {
        if (race == null) {
            race = FinishFixture.race(kafka);
        }
    }

    @AfterAll
    static void disconnect() {
        kafka.close();
    }

    @Test
    void aFinisherDownloadsACertificateWithHerTimeAndRanks() throws IOException {
        String text = certificateText(21);

        assertTrue(text.contains("Trail des Pyramides Noires"), text);
        assertTrue(text.contains("Trail test " + race), text);
        assertTrue(text.contains("CARPENTIER Alice"), text);
        assertTrue(text.contains("Dossard / Bib 21"), text);
        assertTrue(text.contains("Temps officiel / Official time : 2:10:05"), text);
        assertTrue(text.contains("Classement général / Overall : 2"), text);
        assertTrue(text.contains("Classement femmes / Women : 1"), text);
        assertTrue(text.contains("Catégorie / Category SE-F : 1"), text);
        assertTrue(text.contains("samedi 20 mars 2027 / Saturday 20 March 2027"), text);
    }

    @Test
    void aRunnerWhoWithheldHerNameGetsACertificateWithHerBibOnly() throws IOException {
        String text = certificateText(24);

        assertTrue(text.contains("Dossard 24 / Bib 24"), text);
        assertTrue(text.contains("Temps officiel / Official time : 2:30:00"), text);
        assertTrue(text.contains("Classement général / Overall : 4"), text);
        assertTrue(text.contains("Classement femmes / Women : 3"), text);
        assertTrue(text.contains("Catégorie / Category SE-F : 2"), text);
    }

    @Test
    void aRunnerStillOnCourseHasNoCertificateYet() {
        given().get("/races/" + race + "/runners/25/certificat.pdf").then().statusCode(404)
                .contentType(containsString("application/problem+json"))
                .body(containsString("n'est pas arrivé"));
        given().get("/races/" + race + "/runners/25").then().statusCode(200)
                .body(not(containsString("certificat.pdf")));
        given().get("/races/" + race + "/runners/21").then().statusCode(200)
                .body(containsString("href=\"/races/" + race + "/runners/21/certificat.pdf\""))
                .body(containsString("Télécharger le diplôme"));
        given().get("/races/" + race + "/runners/21?lang=en").then().statusCode(200)
                .body(containsString("Download the certificate"));
    }

    @Test
    void aSharedRunnerLinkShowsTheirNameRaceTimeAndRank() {
        String page = root + "races/" + race + "/runners/21";
        given().get("/races/" + race + "/runners/21").then().statusCode(200)
                .body(containsString("<meta property=\"og:title\" content=\"CARPENTIER Alice — Trail test " + race + "\">"))
                .body(containsString("<meta property=\"og:description\" content=\"Temps officiel 2:10:05, 2e au classement général\">"))
                .body(containsString("<meta property=\"og:type\" content=\"profile\">"))
                .body(containsString("<meta property=\"og:url\" content=\"" + page + "\">"))
                .body(containsString("<meta name=\"twitter:card\" content=\"summary\">"));
        given().get("/races/" + race + "/runners/22?lang=en").then().statusCode(200)
                .body(containsString("<meta property=\"og:description\" content=\"Official time 2:05:00, 1st overall\">"));
        given().get("/races/" + race + "/runners/24").then().statusCode(200)
                .body(containsString("<meta property=\"og:title\" content=\"Dossard 24 — Trail test " + race + "\">"));
    }

    @Test
    void aRunnerOnCourseIsPreviewedAtTheirLastPointAndTheirNameCannotWriteMarkup() {
        String body = given().get("/races/" + race + "/runners/25").then().statusCode(200).extract().asString();

        // 09:20 UTC is 10:20 in Paris, the event's zone; fifth through Terril 5, after the four finishers
        assertTrue(body.contains("<meta property=\"og:description\" content=\"Dernier point : Terril 5 — 10:20 — 5e\">"),
                body);
        assertTrue(body.contains("<meta property=\"og:title\" content=\"O&#39;HARA&lt;SCRIPT&gt; Dan&quot; — Trail test "),
                body);
        assertFalse(body.contains("<SCRIPT>"), body);
    }

    @Test
    void aSharedRaceLinkShowsHowManyFinished() {
        given().get("/races/" + race).then().statusCode(200)
                .body(containsString("<meta property=\"og:title\" content=\"Trail test " + race + "\">"))
                .body(containsString("<meta property=\"og:description\" content=\"4 arrivants\">"))
                .body(containsString("<meta property=\"og:type\" content=\"website\">"))
                .body(containsString("<meta property=\"og:url\" content=\"" + root + "races/" + race + "\">"))
                .body(containsString("href=\"/screen/" + race + "\""));
    }

    @Test
    void theScreenShowsTheNewestFinisherFirstWithRanksAndWhoComesNext() {
        String screen = given().get("/screen/" + race).then().statusCode(200)
                .contentType(containsString("text/html")).extract().asString();

        // crossing order, newest first: 24 (2:30:00), 23, 21, 22
        int newest = screen.indexOf("id=\"finisher-24\" class=\"newest\"");
        assertTrue(newest > 0, screen);
        assertTrue(newest < screen.indexOf("id=\"finisher-23\"")
                && screen.indexOf("id=\"finisher-23\"") < screen.indexOf("id=\"finisher-21\"")
                && screen.indexOf("id=\"finisher-21\"") < screen.indexOf("id=\"finisher-22\""), screen);
        String wallet = row(screen, "finisher-23");
        assertTrue(wallet.contains("WALLET Chloé") && wallet.contains("2:20:00") && wallet.contains(">3<")
                && wallet.contains(">1 <span class=\"small\">M1-F"), wallet);
        String withheld = row(screen, "finisher-24");
        assertTrue(withheld.contains(">24<") && withheld.contains(">2 <span class=\"small\">SE-F"), withheld);
        assertTrue(screen.indexOf("id=\"coming-25\"") > 0
                && screen.indexOf("id=\"coming-25\"") < screen.indexOf("id=\"coming-26\""), screen);
        assertTrue(row(screen, "coming-26").contains("Terril 5"), screen);
        assertTrue(screen.contains("4 arrivés"), screen);
    }

    private static String row(String page, String id) {
        int start = page.indexOf("id=\"" + id + "\"");
        return page.substring(start, page.indexOf("</tr>", start));
    }

    private static String certificateText(int bib) throws IOException {
        byte[] pdf = given().get("/races/" + race + "/runners/" + bib + "/certificat.pdf").then().statusCode(200)
                .contentType("application/pdf").extract().asByteArray();
        try (PDDocument document = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(document);
        }
    }
}
