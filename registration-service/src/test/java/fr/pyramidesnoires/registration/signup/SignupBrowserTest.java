package fr.pyramidesnoires.registration.signup;

import static fr.pyramidesnoires.registration.entry.RegistrationTest.uniqueName;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.pyramidesnoires.registration.entry.RegistrationTest;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URL;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/** The form on a phone-sized headless Chromium, filled and sent as a runner would, with no help from scripts. */
@QuarkusTest
class SignupBrowserTest extends PhoneBrowserTest {

    @TestHTTPResource("/")
    URL root;

    @Test
    void aRunnerFillsTheFormFixesAnErrorAndGetsTheirPrivatePage() {
        browser.get(root.toString());
        String lastName = uniqueName();
        browser.findElement(By.id("race-22K")).click();
        assertFalse(browser.findElement(By.id("options-PAID-A")).isDisplayed(), "another race's extras step aside");
        Map.of("firstName", "Jeanne", "lastName", lastName, "club", "US Oignies", "email", "jeanne@example.org",
                        "licenceNumber", "12345")
                .forEach((field, value) -> browser.findElement(By.id(field)).sendKeys(value));
        browser.executeScript("document.getElementById('birthDate').value = '1988-09-30'");
        browser.findElement(By.id("sex-F")).click();
        browser.findElement(By.id("rulesAccepted")).click();
        browser.findElement(By.cssSelector("button[type=submit]")).click();

        // a 5-digit licence is refused by the rules, not by the browser: the form comes back with the reason
        WebElement summary = arrived()
                .until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("[role=alert]")));
        assertTrue(summary.getText().contains("6 or 7 digits"), summary.getText());
        WebElement licence = browser.findElement(By.id("licenceNumber"));
        assertEquals("true", licence.getAttribute("aria-invalid"));
        assertEquals("12345", licence.getAttribute("value"));
        assertEquals(lastName, browser.findElement(By.id("lastName")).getAttribute("value"));

        licence.clear();
        licence.sendKeys(RegistrationTest.uniqueLicence());
        assertTrue(browser.findElement(By.id("rulesAccepted")).isSelected(), "the consent was kept too");
        browser.findElement(By.cssSelector("button[type=submit]")).click();

        // the click only starts the form's round trip: the private page is what it ends on
        arrived().until(ExpectedConditions.urlContains("/entry/"));
        String page = browser.findElement(By.tagName("main")).getText();
        assertTrue(page.contains("Inscription enregistrée"), page);
        assertTrue(page.contains("Dossard"), page);
    }
}
