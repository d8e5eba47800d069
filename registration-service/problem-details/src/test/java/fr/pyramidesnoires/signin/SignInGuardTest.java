package fr.pyramidesnoires.signin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.security.AuthenticationFailedException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The rules of a password check, without HTTP: the services' tests sign in over HTTP. */
class SignInGuardTest {

    record Account(String name, String hash) {
    }

    static final Map<String, Account> ACCOUNTS = Map.of("judge", new Account("judge", "$2a$10$stored"));

    final List<String> hashesChecked = new ArrayList<>();
    final SignInGuard guard = new SignInGuard(3, 5, Duration.ofMinutes(5), Duration.ofHours(1), (clear, hash) -> {
        hashesChecked.add(hash);
        return clear.equals("right-password-here") && hash.equals("$2a$10$stored");
    });

    Account signIn(String name, String password, String address) {
        return guard.check(name, password, address, ACCOUNTS::get, Account::hash);
    }

    @Test
    void anUnknownNameIsCheckedAgainstTheDummyHashLikeAKnownOneAgainstItsOwn() {
        assertThrows(AuthenticationFailedException.class, () -> signIn("nobody", "right-password-here", "10.0.0.1"));
        assertThrows(AuthenticationFailedException.class, () -> signIn("judge", "wrong-password-here", "10.0.0.1"));
        assertEquals(List.of(Passwords.DUMMY_HASH, "$2a$10$stored"), hashesChecked);
    }

    @Test
    void theDummyHashCostsWhatAStoredHashCosts() {
        // "$2a$10$": algorithm and cost, the same as every hash made for an account
        assertEquals(Passwords.hash("some-password-12").substring(0, 7), Passwords.DUMMY_HASH.substring(0, 7));
    }

    @Test
    void aNameIsLockedAfterItsFailuresAndNoPasswordIsCheckedWhileLocked() {
        for (String address : List.of("10.0.0.1", "10.0.0.2", "10.0.0.3")) {
            assertThrows(AuthenticationFailedException.class, () -> signIn("judge", "guess", address));
        }
        hashesChecked.clear();
        SignInLocked locked = assertThrows(SignInLocked.class, () -> signIn("judge", "right-password-here", "10.9.9.9"));
        assertTrue(locked.retryAfterSeconds() > 290 && locked.retryAfterSeconds() <= 300, locked.getMessage());
        assertEquals(List.of(), hashesChecked);
        // another name from the same addresses is not locked
        assertThrows(AuthenticationFailedException.class, () -> signIn("nobody", "guess", "10.0.0.1"));
    }

    @Test
    void anAddressIsLockedAfterItsFailuresWhateverTheNames() {
        for (String name : List.of("ann", "bob", "cid", "dan", "eve")) {
            assertThrows(AuthenticationFailedException.class, () -> signIn(name, "guess", "10.1.1.1"));
        }
        assertThrows(SignInLocked.class, () -> signIn("judge", "right-password-here", "10.1.1.1"));
        assertSame(ACCOUNTS.get("judge"), signIn("judge", "right-password-here", "10.1.1.2"));
    }

    @Test
    void aRightPasswordForgetsTheNamesEarlierFailures() {
        for (int round = 0; round < 3; round++) {
            assertThrows(AuthenticationFailedException.class, () -> signIn("judge", "guess", "10.2.2.1"));
            assertThrows(AuthenticationFailedException.class, () -> signIn("judge", "guess", "10.2.2.2"));
            signIn("judge", "right-password-here", "10.2.2.3");
        }
    }

    @Test
    void theLogQuotesANameWithoutItsControlCharacters() {
        assertEquals("\"judge?[31m?x?\"", SignInGuard.printable("judge\u001b[31m\nx\u202e"));
        assertEquals(66, SignInGuard.printable("a".repeat(500)).length() - 1);
    }

    @Test
    void shortAndEmptyPasswordsAreRefusedNamingTheAccountOnly() {
        IllegalArgumentException empty = assertThrows(IllegalArgumentException.class,
                () -> Passwords.requireStrong("judge", ""));
        assertTrue(empty.getMessage().contains("judge") && empty.getMessage().contains("empty"), empty.getMessage());
        IllegalArgumentException shortOne = assertThrows(IllegalArgumentException.class,
                () -> Passwords.requireStrong("judge", "s3cret-pw"));
        assertTrue(shortOne.getMessage().contains("judge"), shortOne.getMessage());
        assertTrue(!shortOne.getMessage().contains("s3cret-pw"), shortOne.getMessage());
        Passwords.requireStrong("judge", "twelve-chars");
    }
}
