package fr.pyramidesnoires.registration.certificate;

import static fr.pyramidesnoires.registration.entry.EntryChangeTest.entered;
import static fr.pyramidesnoires.registration.entry.EntryChangeTest.runnerIn;
import static fr.pyramidesnoires.registration.entry.RegistrationTest.uniqueName;
import static fr.pyramidesnoires.registration.signup.SignupPageTest.filledForm;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import fr.pyramidesnoires.registration.entry.Entry;
import fr.pyramidesnoires.registration.entry.EntryChangeTest;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Medical certificates: PDF files only, of a bounded size, kept with the entry and with nothing else. */
@QuarkusTest
class CertificateTest {

    static final byte[] PDF = "%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\n%%EOF\n"
            .getBytes(StandardCharsets.US_ASCII);
    static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 13};

    @BeforeEach
    void emptyTheSmallRaces() {
        EntryChangeTest.emptySmallRaces();
    }

    /** A PDF one byte over the 5 MB limit. */
    static byte[] oversized() {
        byte[] bytes = new byte[5 * 1024 * 1024 + 1];
        Arrays.fill(bytes, (byte) ' ');
        System.arraycopy(PDF, 0, bytes, 0, PDF.length);
        return bytes;
    }

    static ValidatableResponse put(String token, byte[] file, String contentType) {
        return given().contentType(contentType).body(file)
                .when().put("/api/entries/by-token/" + token + "/certificate").then();
    }

    /** The stored file, or null. */
    static byte[] stored(String entryId) {
        return QuarkusTransaction.requiringNew().call(() -> MedicalCertificate.<MedicalCertificate>findByIdOptional(
                UUID.fromString(entryId)).map(certificate -> certificate.pdf).orElse(null));
    }

    @Test
    void theApiKeepsAPdfAndRefusesAnythingElse() {
        Map<String, Object> runner = runnerIn("MOVE-A");
        runner.remove("licenceNumber");
        runner.put("medicalCertificate", true);
        var entry = entered(runner);
        String token = entry.getString("token");

        put(token, PNG, "application/pdf").statusCode(415).contentType("application/problem+json")
                .body("type", containsString("certificate-not-pdf"));
        put(token, oversized(), "application/pdf").statusCode(413).contentType("application/problem+json")
                .body("type", containsString("certificate-too-large"));
        assertNull(stored(entry.getString("id")), "nothing half-written");

        put(token, PDF, "application/pdf").statusCode(200).body("certificateOnFile", equalTo(true));
        assertArrayEquals(PDF, stored(entry.getString("id")));

        String organiserCopy = "/api/admin/entries/" + entry.getString("id") + "/certificate";
        assertArrayEquals(PDF, given().auth().preemptive().basic("organiser", "organiser-secret")
                .when().get(organiserCopy).then().statusCode(200).contentType("application/pdf")
                .extract().asByteArray());
        given().when().get(organiserCopy).then().statusCode(401);
    }

    @Test
    void aRaceWithoutCertificatesTakesNone() {
        var entry = entered(runnerIn("MOVE-B"));

        put(entry.getString("token"), PDF, "application/pdf").statusCode(422)
                .body("type", containsString("certificate-not-accepted"));
    }

    @Test
    void aNewRunnerOrACancellationDropsTheCertificate() {
        var entry = entered(runnerIn("MOVE-A"));
        put(entry.getString("token"), PDF, "application/pdf").statusCode(200);

        String newToken = EntryChangeTest.post(entry.getString("token"), "transfer", runnerIn("MOVE-A"))
                .statusCode(200).body("certificateOnFile", equalTo(false)).extract().path("token");
        assertNull(stored(entry.getString("id")));
        put(newToken, PDF, "application/pdf").statusCode(200);
        EntryChangeTest.post(newToken, "cancellation", Map.of()).statusCode(200);
        assertNull(stored(entry.getString("id")));
    }

    @Test
    void aTransferOnThePageBringsTheNewRunnersOwnCertificate() {
        var entry = entered(runnerIn("MOVE-A"));
        put(entry.getString("token"), PDF, "application/pdf").statusCode(200);
        byte[] newRunnersPdf = "%PDF-1.4\nthe new runner's certificate\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);
        Map<String, String> newRunner = filledForm(uniqueName(), "MOVE-A");
        newRunner.put("proof", "certificate");

        multipartForm(newRunner).multiPart("certificate", "new.pdf", newRunnersPdf, "application/pdf")
                .when().post("/entry/" + entry.getString("token") + "/transfer").then().statusCode(200);
        assertArrayEquals(newRunnersPdf, stored(entry.getString("id")));
    }

    static RequestSpecification multipartForm(Map<String, String> fields) {
        RequestSpecification request = given().redirects().follow(false);
        fields.forEach((name, value) -> request.multiPart(name, value));
        return request;
    }

    @Test
    void theFormTakesTheCertificateWithTheEntryOrNothingAtAll() {
        String pngName = uniqueName();
        Map<String, String> withPng = filledForm(pngName, "MOVE-A");
        withPng.put("proof", "certificate");
        multipartForm(withPng).multiPart("certificate", "scan.pdf", PNG, "application/pdf")
                .when().post("/").then().statusCode(400)
                .body(allOf(containsString("id=\"certificate-error\""), containsString("must be a PDF")));
        String bigName = uniqueName();
        Map<String, String> withBigPdf = filledForm(bigName, "MOVE-A");
        withBigPdf.put("proof", "certificate");
        multipartForm(withBigPdf).multiPart("certificate", "scan.pdf", oversized(), "application/pdf")
                .when().post("/").then().statusCode(400).body(containsString("at most 5 MB"));
        assertEquals(0, Entry.count("lastName in ?1", java.util.List.of(pngName, bigName)));

        String lastName = uniqueName();
        Map<String, String> withPdf = filledForm(lastName, "MOVE-A");
        withPdf.put("proof", "certificate");
        String location = multipartForm(withPdf).multiPart("certificate", "certificat.pdf", PDF, "application/pdf")
                .when().post("/").then().statusCode(303).extract().header("Location");
        Entry entry = Entry.find("lastName", lastName).firstResult();
        assertEquals(true, entry.medicalCertificate);
        assertArrayEquals(PDF, stored(entry.id.toString()));
        given().get(location).then().statusCode(200).body(containsString("reçu"));
    }
}
