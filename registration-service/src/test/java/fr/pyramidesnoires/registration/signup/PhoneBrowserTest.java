package fr.pyramidesnoires.registration.signup;

import fr.pyramidesnoires.events.testing.HeadlessChromium;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

/** The runner's phone in the browser tests: a phone-sized headless Chromium, a fresh one for each test. */
abstract class PhoneBrowserTest {

    protected ChromeDriver browser;

    @BeforeEach
    void openBrowser() throws Exception {
        browser = HeadlessChromium.start();
        browser.manage().window().setSize(new Dimension(390, 844));
    }

    @AfterEach
    void closeBrowser() {
        browser.quit();
    }

    /** A click only starts a page's round trip: waits for what it ends on. */
    protected WebDriverWait arrived() {
        return new WebDriverWait(browser, Duration.ofSeconds(20));
    }
}
