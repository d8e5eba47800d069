package fr.pyramidesnoires.timing.account;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.lessThanOrEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
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

/**
 * Accounts follow TIMING_ACCOUNTS at every start (the start's bootstrap is run here again on the running service,
 * with other lists), and guessing passwords is logged and locked.
 */
@QuarkusTest
class AccountsTest {

    @Inject
    AccountBootstrap bootstrap;

    @ConfigProperty(name = "timing.accounts")
    List<String> testAccounts;

    @AfterEach
    void backToTheTestAccounts() {
        bootstrap.apply(testAccounts);
    }

    /** What a start with the test accounts and these listed makes of the accounts. */
    void startWith(String... more) {
        List<String> accounts = new ArrayList<>(testAccounts);
        accounts.addAll(List.of(more));
        bootstrap.apply(accounts);
    }

    /** Requests from another loopback address than the other tests', so that an address's lock touches no other. */
    static RequestSpecification from(String address) {
        try {
            return given().baseUri("http://127.0.0.1").config(RestAssured.config().httpClient(HttpClientConfig
                    .httpClientConfig().setParam("http.route.local-address", InetAddress.getByName(address))));
        } catch (UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }

    static int decisions(RequestSpecification client, String user, String password) {
        return client.auth().preemptive().basic(user, password).when().get("/api/decisions").statusCode();
    }

    @Test
    void aPasswordChangedInTheConfigurationReplacesTheOldOne() {
        startWith("rotated:first-password-1:official");
        assertEquals(200, decisions(given(), "rotated", "first-password-1"));

        startWith("rotated:second-password-2:official");
        assertEquals(401, decisions(from("127.0.0.23"), "rotated", "first-password-1"));
        assertEquals(200, decisions(given(), "rotated", "second-password-2"));
    }

    @Test
    void anUnchangedPasswordIsNotHashedAgainAtTheNextStart() {
        startWith("steady:steady-password:official");
        String hash = hash("steady");
        startWith("steady:steady-password:official");
        assertEquals(hash, hash("steady"));
        startWith("steady:other-password:official");
        assertNotEquals(hash, hash("steady"));
    }

    @Test
    void anAccountLeftOutOfTheConfigurationIsRemoved() {
        startWith("leaving:leaving-password:volunteer:estevelles");
        assertEquals(403, decisions(given(), "leaving", "leaving-password"), "signed in, not an official");
        startWith();
        assertEquals(401, decisions(from("127.0.0.24"), "leaving", "leaving-password"));
        assertEquals(0L, (long) QuarkusTransaction.requiringNew().call(() -> Account.count("username", "leaving")));
    }

    @Test
    void rolesAndScopeFollowTheConfiguration() {
        startWith("promoted:promoted-password:volunteer:estevelles");
        assertEquals(403, decisions(given(), "promoted", "promoted-password"));
        startWith("promoted:promoted-password:official|volunteer:estevelles|ste-henriette");
        assertEquals(200, decisions(given(), "promoted", "promoted-password"));
        assertEquals("estevelles|ste-henriette",
                QuarkusTransaction.requiringNew().call(() -> Account.named("promoted").scope));
    }

    @Test
    void aVolunteerOfSeveralPointsChoosesAmongThemOnlyAndOneOfEveryPointAmongAll() {
        startWith("two-points:two-points-password:volunteer:estevelles|ste-henriette",
                "roaming:roaming-password:volunteer:*");
        String page = given().auth().preemptive().basic("two-points", "two-points-password")
                .when().get("/checkpoint").then().statusCode(200).extract().asString();
        assertTrue(page.contains("value=\"estevelles\"") && page.contains("value=\"ste-henriette\"")
                && !page.contains("value=\"finish\""), page);
        given().auth().preemptive().basic("two-points", "two-points-password")
                .when().get("/checkpoint?point=ste-henriette").then().statusCode(200);
        given().auth().preemptive().basic("two-points", "two-points-password")
                .when().get("/checkpoint?point=finish").then().statusCode(403);
        given().auth().preemptive().basic("roaming", "roaming-password")
                .when().get("/checkpoint?point=finish").then().statusCode(200);
    }

    @Test
    void aWrongListStopsTheStartNamingTheAccountNeverThePassword() {
        refused("shorty:tiny-pass:official", "shorty");
        refused("blank::official", "blank");
        refused("lost:lost-volunteer-password:volunteer", "lost");
        refused("anymat:any-device-password:device", "anymat");
        refused("astray:astray-volunteer-pw:volunteer:nowhere-terril", "nowhere-terril");
        refused("typo:typo-device-password:device:M-NOWHERE", "M-NOWHERE");
        refused("twice:twice-password-1:official,twice:twice-password-2:official", "twice");
        // nothing of a refused list is applied
        assertEquals(0L, (long) QuarkusTransaction.requiringNew().call(() -> Account.count("username", "twice")));
        assertEquals(200, decisions(given(), "judge", "judge-secret"));
    }

    private void refused(String accounts, String named) {
        List<String> list = new ArrayList<>(testAccounts);
        list.addAll(List.of(accounts.split(",")));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> bootstrap.apply(list));
        assertTrue(e.getMessage().contains(named), e.getMessage());
        for (String entry : accounts.split(",")) {
            String password = entry.split(":")[1];
            assertTrue(password.isEmpty() || !e.getMessage().contains(password), e.getMessage());
        }
    }

    @Test
    void aNameIsLockedAfterFiveWrongPasswordsFromAnyAddressAndEachFailureIsLogged() {
        String name = "guessed-" + UUID.randomUUID().toString().substring(0, 8);
        startWith(name + ":guessed-password:official");
        List<String> logged = new CopyOnWriteArrayList<>();
        Handler capture = warnings(logged);
        Logger guardLog = Logger.getLogger("fr.pyramidesnoires.signin.SignInGuard");
        guardLog.addHandler(capture);
        try {
            for (int i = 0; i < 5; i++) {
                assertEquals(401, decisions(from("127.0.0.21"), name, "guess-number-" + i));
            }
            from("127.0.0.22").auth().preemptive().basic(name, "guessed-password").when().get("/api/decisions")
                    .then().statusCode(429)
                    .contentType("application/problem+json")
                    .header("Retry-After", Integer::parseInt, allOf(greaterThan(0), lessThanOrEqualTo(300)))
                    .body("type", containsString("sign-in-locked"));
            // another name from the guessing address still signs in
            assertEquals(200, decisions(from("127.0.0.21"), "judge", "judge-secret"));

            List<String> failures = logged.stream().filter(l -> l.contains("Failed sign-in") && l.contains(name))
                    .toList();
            assertEquals(5, failures.size(), String.join("\n", logged));
            assertTrue(failures.get(0).contains("127.0.0.21"), failures.get(0));
            assertTrue(logged.stream().noneMatch(l -> l.contains("guess-number")), "no password in the log");
            assertTrue(logged.stream().anyMatch(l -> l.contains("locked") && l.contains(name)), String.join("\n", logged));
        } finally {
            guardLog.removeHandler(capture);
        }
    }

    @Test
    void anAddressIsLockedAfterTwentyFailuresWhateverTheNames() {
        for (int i = 0; i < 20; i++) {
            assertEquals(401, decisions(from("127.0.0.31"), "nobody-" + i, "some-guess"));
        }
        assertEquals(429, decisions(from("127.0.0.31"), "judge", "judge-secret"));
        assertEquals(200, decisions(from("127.0.0.32"), "judge", "judge-secret"));
    }

    private static String hash(String username) {
        return QuarkusTransaction.requiringNew().call(() -> Account.named(username).password);
    }

    private static Handler warnings(List<String> logged) {
        return new Handler() {
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
    }
}
