package fr.pyramidesnoires.registration.admin;

import static fr.pyramidesnoires.registration.admin.AdminApi.asOrganiser;
import static fr.pyramidesnoires.registration.admin.OrganiserPagesTest.ourOrigin;
import static fr.pyramidesnoires.registration.admin.OrganiserPagesTest.page;
import static fr.pyramidesnoires.registration.admin.OrganiserPagesTest.postForm;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.pyramidesnoires.registration.entry.RegistrationTest;
import fr.pyramidesnoires.registration.payment.stripe.EmulatedStripe;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** An entry of race PAID-A as the organiser sees it: its bill, its answers, its payments; a cheque recorded. */
@QuarkusTest
@TestProfile(EmulatedStripe.class)
class PaidOrganiserPageTest {

    private static String registerWithExtras(String lastName) {
        return AdminApi.register("PAID-A", lastName, "F", Map.of("answers", Map.of("bus", "oui"),
                "extras", List.of(Map.of("code", "tshirt", "size", "L", "quantity", 2),
                        Map.of("code", "donation", "quantity", 1, "donationCents", 500)))).getString("id");
    }

    @Test
    void aChequeForAPlaceHeldConfirmsItAndTheEntryShowsItsBillAnswersAndPayment() {
        String lastName = RegistrationTest.uniqueName();
        String id = registerWithExtras(lastName);

        assertThat(page("/admin/entries/" + id), allOf(containsString("HELD"),
                containsString("<td>T-shirt <span class=\"detail\">(taille L / size L, 2 × 20 €)</span></td>"
                        + "<td class=\"amount\">40 € <span class=\"en\">/ €40</span></td>"),
                containsString("<td>Don / Donation</td>"
                        + "<td class=\"amount\">5 € <span class=\"en\">/ €5</span></td>"),
                containsString("<td class=\"amount\">75 € <span class=\"en\">/ €75</span></td>"),
                containsString("<dt>Navette ? / Shuttle?</dt><dd>oui / yes</dd>"),
                containsString("Enregistrer un paiement reçu"), not(containsString("<option value=\"CARD\""))));

        postForm("/admin/entries/" + id + "/payments", Map.of("method", "CHEQUE", "amount", "75,00",
                "note", "Chèque n° 1234567"), ourOrigin())
                .statusCode(303).header("Location", endsWith("/admin/entries/" + id + "?done=paid"));

        String paid = page("/admin/entries/" + id + "?done=paid");
        assertThat(paid, allOf(containsString("Paiement enregistré"), containsString("CONFIRMED"),
                containsString("dossard / bib 40"),
                containsString("<td>Chèque <span class=\"en\">/ Cheque</span></td>"),
                containsString("<td>75 € <span class=\"en\">/ €75</span></td>"),
                containsString("Chèque n° 1234567 (organiser)")));
        assertTrue(paid.matches("(?s).*<td>n° [0-9]+</td>.*"), "a receipt number");

        String csv = asOrganiser().when().get("/api/admin/entries.csv?race=PAID-A").then().statusCode(200)
                .extract().asString();
        assertTrue(csv.startsWith("id;race;") && csv.lines().findFirst().orElseThrow()
                .endsWith(";answers;extras;amountDue;amountPaid;amountRefunded"), csv);
        assertTrue(csv.lines().anyMatch(line -> line.startsWith(id + ";") && line.contains(lastName)
                && line.endsWith(";bus=yes;tshirt L ×2 | donation 5.00;75.00;75.00;0.00")), csv);
    }

    @Test
    void aPaymentWithoutAnAmountIsRefusedOnThePage() {
        String id = registerWithExtras(RegistrationTest.uniqueName());

        postForm("/admin/entries/" + id + "/payments", Map.of("method", "CASH", "amount", "beaucoup"), ourOrigin())
                .statusCode(400).body(allOf(containsString("role=\"alert\""),
                        containsString("un montant comme 30 ou 12,50"), containsString("HELD")));
    }
}
