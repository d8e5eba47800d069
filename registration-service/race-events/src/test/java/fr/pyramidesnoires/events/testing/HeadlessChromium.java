package fr.pyramidesnoires.events.testing;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Debian's Chromium and chromedriver (deploy/test.sh installs them), driven headless for page tests. Nothing is
 * downloaded: the binaries are named, so Selenium never looks for a browser of its own.
 */
public final class HeadlessChromium {

    private HeadlessChromium() {
    }

    public static ChromeDriver start() throws IOException {
        return start(new ChromeOptions());
    }

    /** With options of the caller's, such as the one certificate to trust beyond the system's. */
    public static ChromeDriver start(ChromeOptions options) throws IOException {
        options.setBinary("/usr/bin/chromium");
        // the machine has no network beyond its registries: Chromium must not try to phone home
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--user-data-dir=" + Files.createTempDirectory("chromium"));
        return new ChromeDriver(new ChromeDriverService.Builder()
                .usingDriverExecutable(new File("/usr/bin/chromedriver")).build(), options);
    }
}
