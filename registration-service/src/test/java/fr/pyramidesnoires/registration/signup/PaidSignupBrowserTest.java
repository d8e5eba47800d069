package fr.pyramidesnoires.registration.signup;

import static fr.pyramidesnoires.registration.entry.RegistrationTest.uniqueName;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.pyramidesnoires.registration.entry.RegistrationTest;
import fr.pyramidesnoires.registration.payment.stripe.EmulatedStripe;
import io.quarkus.mailer.Mail;
import io.quarkus.mailer.MockMailbox;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.net.URL;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/** A paid race's form on a phone-sized headless Chromium, paid on the provider's page, as a runner would. */
@QuarkusTest
@TestProfile(EmulatedStripe.class)
class PaidSignupBrowserTest extends PhoneBrowserTest {

    private static final Pattern PRIVATE_LINK = Pattern.compile("/entry/([A-Za-z0-9_-]{43})");

    /** Where the runner finds their private link. */
    @Inject
    MockMailbox mailbox;

    @TestHTTPResource("/")
    URL root;

    @BeforeEach
    void theProviderAnswersHere() {
        EmulatedStripe.answeringThisService();
    }

    @Test
    void aRunnerAnswersOrdersATShirtPaysAndFindsTheirBibAndReceipt() {
        browser.get(root.toString());
        String email = "paid-" + UUID.randomUUID() + "@example.org";
        assertTrue(browser.findElement(By.id("options-PAID-A")).isDisplayed(), "shown before a race is chosen");
        browser.findElement(By.id("race-PAID-A")).click();
        assertTrue(browser.findElement(By.id("options-PAID-A")).isDisplayed(), "the chosen race's extras");
        Map.of("firstName", "Jeanne", "lastName", uniqueName(), "email", email,
                        "licenceNumber", RegistrationTest.uniqueLicence())
                .forEach((field, value) -> browser.findElement(By.id(field)).sendKeys(value));
        browser.executeScript("document.getElementById('birthDate').value = '1988-09-30'");
        browser.findElement(By.id("sex-F")).click();
        browser.findElement(By.id("q.PAID-A.bus-oui")).click();
        browser.findElement(By.id("x.PAID-A.tshirt.quantity")).clear();
        browser.findElement(By.id("x.PAID-A.tshirt.quantity")).sendKeys("1");
        new Select(browser.findElement(By.id("x.PAID-A.tshirt.size"))).selectByValue("S");
        browser.findElement(By.id("rulesAccepted")).click();
        browser.findElement(By.cssSelector("button[type=submit]")).click();

        // the provider's page, emulated here: it says so, and shows 30 € entry + 20 € T-shirt
        arrived().until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("main"),
                "Paiement simulé localement"));
        assertTrue(browser.findElement(By.tagName("main")).getText().contains("50,00 EUR"),
                browser.findElement(By.tagName("main")).getText());
        browser.findElement(By.cssSelector("button[value=pay]")).click();

        arrived().until(ExpectedConditions.urlContains("/payment/return"));
        String returned = browser.findElement(By.tagName("main")).getText();
        assertTrue(returned.contains("Paiement reçu"), returned);

        browser.get(root + "entry/" + privateLink(email));
        String page = browser.findElement(By.tagName("main")).getText();
        assertTrue(page.contains("Confirmée"), page);
        assertTrue(page.contains("Dossard"), page);
        assertTrue(page.contains("T-shirt (taille S / size S, 1 × 20 €)"), page);
        assertTrue(page.contains("Navette ? / Shuttle?\noui / yes"), page);
        assertTrue(browser.findElement(By.partialLinkText("Reçu")).getAttribute("href").contains("/receipts/"),
                "the receipt is linked");
    }

    /** The private link, as the runner finds it in the mail of their entry. */
    private String privateLink(String email) {
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(driver -> link(email).isPresent());
        return link(email).orElseThrow();
    }

    private Optional<String> link(String email) {
        return mailbox.getMailsSentTo(email).stream().map(Mail::getText).map(PRIVATE_LINK::matcher)
                .filter(Matcher::find).map(matcher -> matcher.group(1)).findFirst();
    }
}
