package fr.pyramidesnoires.registration.account;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.lessThanOrEqualTo;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.RestAssured;
import io.restassured.config.HttpClientConfig;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logmanager.ExtLogRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
class OrganiserAccessTest {

    @Test
    void theOrganiserApiWantsSigningIn() {
        given().when().get("/api/admin/entries")
                .then().statusCode(401)
                .contentType("application/problem+json")
                .header("WWW-Authenticate", startsWith("Basic"))
                .body("type", containsString("unauthenticated"));
        given().when().get("/api/admin/races/ADMIN-A/start-list.csv").then().statusCode(401);
        given().when().get("/api/admin/dashboard").then().statusCode(401);
    }

    @Test
    void aWrongPasswordIsRefused() {
        given().auth().preemptive().basic("organiser", "not-the-password")
                .when().get("/api/admin/entries")
                .then().statusCode(401).contentType("application/problem+json");
        given().auth().preemptive().basic("nobody", "organiser-secret")
                .when().get("/api/admin/entries")
                .then().statusCode(401);
    }

    @Test
    @TestSecurity(user = "someone", roles = "runner")
    void signedInWithoutTheOrganiserRoleIsForbidden() {
        given().when().get("/api/admin/entries")
                .then().statusCode(403)
                .contentType("application/problem+json")
                .body("type", containsString("forbidden"));
        given().when().put("/api/admin/races/ADMIN-C/settings").then().statusCode(403);
    }

    @Test
    void theTestOrganiserSignsInAndIsStoredHashed() {
        given().auth().preemptive().basic("organiser", "organiser-secret")
                .when().get("/api/admin/entries")
                .then().statusCode(200);

        String hash = QuarkusTransaction.requiringNew().call(() -> OrganiserAccount.named("organiser").passwordHash);
        assertTrue(hash.startsWith("$2"), "a bcrypt hash");
        assertNotEquals("organiser-secret", hash);
    }

    @Inject
    OrganiserAccounts accounts;

    @ConfigProperty(name = "registration.organiser-accounts")
    List<String> testAccounts;

    @AfterEach
    void backToTheTestAccounts() {
        accounts.apply(testAccounts);
    }

    /** What a start with the test accounts and these listed makes of the accounts. */
    void startWith(String... more) {
        List<String> list = new ArrayList<>(testAccounts);
        list.addAll(List.of(more));
        accounts.apply(list);
    }

    static int entries(RequestSpecification client, String user, String password) {
        return client.auth().preemptive().basic(user, password).when().get("/api/admin/entries").statusCode();
    }

    /** Requests from another loopback address than the other tests', so that an address's lock touches no other. */
    static RequestSpecification from(String address) throws UnknownHostException {
        return given().baseUri("http://127.0.0.1").config(RestAssured.config().httpClient(HttpClientConfig
                .httpClientConfig().setParam("http.route.local-address", InetAddress.getByName(address))));
    }

    @Test
    void aPasswordChangedInTheConfigurationReplacesTheOldOneAndAnAccountLeftOutGoes() throws Exception {
        startWith("rotated:first-password-1");
        assertEquals(200, entries(given(), "rotated", "first-password-1"));
        startWith("rotated:second:password");
        assertEquals(401, entries(from("127.0.0.43"), "rotated", "first-password-1"));
        assertEquals(200, entries(given(), "rotated", "second:password"), "a password may hold a colon");
        startWith();
        assertEquals(401, entries(from("127.0.0.43"), "rotated", "second:password"));
        assertEquals(0L, (long) QuarkusTransaction.requiringNew().call(() -> OrganiserAccount.count("username",
                "rotated")));
    }

    @Test
    void anUnchangedPasswordIsNotHashedAgainAtTheNextStart() {
        String hash = QuarkusTransaction.requiringNew().call(() -> OrganiserAccount.named("organiser").passwordHash);
        startWith();
        assertEquals(hash, QuarkusTransaction.requiringNew().call(() -> OrganiserAccount.named("organiser").passwordHash));
    }

    @Test
    void aShortOrEmptyPasswordStopsTheStartNamingTheAccountOnly() {
        IllegalArgumentException shortOne = assertThrows(IllegalArgumentException.class,
                () -> startWith("shorty:tiny-pass"));
        assertTrue(shortOne.getMessage().contains("shorty") && !shortOne.getMessage().contains("tiny-pass"),
                shortOne.getMessage());
        IllegalArgumentException empty = assertThrows(IllegalArgumentException.class, () -> startWith("blank:"));
        assertTrue(empty.getMessage().contains("blank"), empty.getMessage());
        assertEquals(0L, (long) QuarkusTransaction.requiringNew().call(() -> OrganiserAccount.count("username",
                "shorty")));
    }

    @Test
    void fiveWrongPasswordsLockTheNameAndEachIsLoggedWithoutThePassword() throws Exception {
        String name = "guessed-" + UUID.randomUUID().toString().substring(0, 8);
        startWith(name + ":guessed-password");
        List<String> logged = new CopyOnWriteArrayList<>();
        Handler capture = new Handler() {
            @Override
            public void publish(LogRecord record) {
                if (record.getLevel().intValue() >= Level.WARNING.intValue()) {
                    logged.add(((ExtLogRecord) record).getFormattedMessage());
                }
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        Logger guardLog = Logger.getLogger("fr.pyramidesnoires.signin.SignInGuard");
        guardLog.addHandler(capture);
        try {
            for (int i = 0; i < 5; i++) {
                assertEquals(401, entries(from("127.0.0.41"), name, "guess-number-" + i));
            }
            from("127.0.0.42").auth().preemptive().basic(name, "guessed-password").when().get("/api/admin/entries")
                    .then().statusCode(429)
                    .contentType("application/problem+json")
                    .header("Retry-After", Integer::parseInt, allOf(greaterThan(0), lessThanOrEqualTo(300)))
                    .body("type", containsString("sign-in-locked"));
            assertEquals(200, entries(from("127.0.0.41"), "organiser", "organiser-secret"));
            assertEquals(5, logged.stream().filter(l -> l.contains("Failed sign-in") && l.contains(name)
                    && l.contains("127.0.0.41")).count(), String.join("\n", logged));
            assertTrue(logged.stream().noneMatch(l -> l.contains("guess-number")), "no password in the log");
        } finally {
            guardLog.removeHandler(capture);
        }
    }

    @Test
    void twentyFailuresLockTheAddressWhateverTheNames() throws Exception {
        for (int i = 0; i < 20; i++) {
            assertEquals(401, entries(from("127.0.0.51"), "nobody-" + i, "some-guess"));
        }
        assertEquals(429, entries(from("127.0.0.51"), "organiser", "organiser-secret"));
        assertEquals(200, entries(from("127.0.0.52"), "organiser", "organiser-secret"));
    }

    @Test
    void theRunnersApiStaysOpen() {
        given().when().get("/api/entries/by-token/no-such-token").then().statusCode(404);
    }
}
