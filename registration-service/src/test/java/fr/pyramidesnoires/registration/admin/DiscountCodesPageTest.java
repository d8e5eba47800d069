package fr.pyramidesnoires.registration.admin;

import static fr.pyramidesnoires.registration.admin.OrganiserPagesTest.ourOrigin;
import static fr.pyramidesnoires.registration.admin.OrganiserPagesTest.page;
import static fr.pyramidesnoires.registration.admin.OrganiserPagesTest.postForm;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;

import io.quarkus.test.junit.QuarkusTest;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** An organiser makes discount codes from their page, as the API makes them, and sees them with their uses. */
@QuarkusTest
class DiscountCodesPageTest {

    @Test
    void anOrganiserMakesAFreeEntryCodeForOneRaceAndSeesIt() {
        String code = "BENEVOLE-" + UUID.randomUUID().toString().substring(0, 6).toUpperCase();
        postForm("/admin/discount-codes", Map.of("code", code.toLowerCase(), "kind", "percent", "value", "100",
                "raceCode", "22K", "maxUses", "3", "expiresAt", "2027-03-01T23:59"), ourOrigin())
                .statusCode(303).header("Location", endsWith("/admin/discount-codes?done=created"));

        assertThat(page("/admin/discount-codes?done=created"), allOf(containsString("Code créé"),
                containsString("<th scope=\"row\">" + code + "</th>"), containsString("100 % (gratuit / free)"),
                containsString("<td>22K</td><td>0 / 3</td>"), containsString("01/03/2027 à 23:59")));
    }

    @Test
    void aCodeThatCannotBeIsRefusedWithWhyAndTheFormAsTyped() {
        postForm("/admin/discount-codes", Map.of("code", "TROP-GENEREUX", "kind", "percent", "value", "150"),
                ourOrigin()).statusCode(422).body(containsString("de 1 à 100"), containsString("TROP-GENEREUX"));
        postForm("/admin/discount-codes", Map.of("code", "MAL-ECRIT", "kind", "amount", "value", "dix"),
                ourOrigin()).statusCode(400).body(containsString("Un nombre pour la réduction"));
    }
}
