package fr.pyramidesnoires.signin;

import io.quarkus.elytron.security.common.BcryptUtil;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.request.UsernamePasswordAuthenticationRequest;
import io.quarkus.vertx.http.runtime.security.HttpSecurityUtils;
import io.vertx.core.net.SocketAddress;
import io.vertx.ext.web.RoutingContext;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiPredicate;
import java.util.function.Function;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Every password check of the platform goes through here. Failures are counted per user name and per client
 * address: after {@code signin.max-failures-per-user} (or {@code -per-address}) failures the name (or address)
 * is locked for {@code signin.lock}, each further lock twice as long up to {@code signin.max-lock}; a name or
 * address quiet for {@code signin.max-lock} starts afresh. While locked, no password is checked at all. Every
 * failed check is logged at WARN with the user name and the address, never the password.
 *
 * <p>The counts are kept in memory, per instance: they slow a guesser down, they do not need to survive a restart.
 */
@Singleton
public class SignInGuard {

    private static final Logger LOG = Logger.getLogger(SignInGuard.class);
    /** Names and addresses followed at most in each map; past that, the stale ones, then the unlocked ones, go. */
    static final int MAX_FOLLOWED = 20_000;
    /** Longest user name the log quotes whole. */
    private static final int LOGGED_NAME = 64;

    private final int maxPerUser;
    private final int maxPerAddress;
    private final Duration lock;
    private final Duration maxLock;
    private final BiPredicate<String, String> passwordMatches;
    private final Map<String, Strikes> users = new ConcurrentHashMap<>();
    private final Map<String, Strikes> addresses = new ConcurrentHashMap<>();

    @Inject
    SignInGuard(@ConfigProperty(name = "signin.max-failures-per-user", defaultValue = "5") int maxPerUser,
                @ConfigProperty(name = "signin.max-failures-per-address", defaultValue = "20") int maxPerAddress,
                @ConfigProperty(name = "signin.lock", defaultValue = "PT5M") Duration lock,
                @ConfigProperty(name = "signin.max-lock", defaultValue = "PT1H") Duration maxLock) {
        this(maxPerUser, maxPerAddress, lock, maxLock, BcryptUtil::matches);
    }

    /** @param passwordMatches (clear password, bcrypt hash): BcryptUtil's, but for a test */
    SignInGuard(int maxPerUser, int maxPerAddress, Duration lock, Duration maxLock,
                BiPredicate<String, String> passwordMatches) {
        this.maxPerUser = maxPerUser;
        this.maxPerAddress = maxPerAddress;
        this.lock = lock;
        this.maxLock = maxLock;
        this.passwordMatches = passwordMatches;
    }

    /**
     * Blocking (bcrypt): call it from a worker thread.
     *
     * @param find   the stored account of a user name, null when there is none
     * @param hashOf an account's bcrypt hash
     * @return the account whose password this is
     * @throws SignInLocked                  while the user name or the address is locked
     * @throws AuthenticationFailedException when the name or the password is wrong
     */
    public <A> A check(UsernamePasswordAuthenticationRequest request, Function<String, A> find,
                       Function<A, String> hashOf) {
        return check(request.getUsername(), new String(request.getPassword().getPassword()), address(request), find,
                hashOf);
    }

    <A> A check(String user, String password, String address, Function<String, A> find, Function<A, String> hashOf) {
        Instant now = Instant.now();
        Duration wait = longer(remaining(users, user, now), remaining(addresses, address, now));
        if (!wait.isZero()) {
            throw new SignInLocked(wait);
        }
        A account = find.apply(user);
        // an unknown name costs the same bcrypt round as a known one, so that names cannot be told apart
        boolean right = passwordMatches.test(password, account == null ? Passwords.DUMMY_HASH : hashOf.apply(account))
                && account != null;
        if (right) {
            users.remove(user);
            return account;
        }
        LOG.warnf("Failed sign-in: user name %s from %s", printable(user), address);
        strike(users, user, maxPerUser, now, "user name " + printable(user));
        strike(addresses, address, maxPerAddress, now, "address " + address);
        throw new AuthenticationFailedException();
    }

    private Duration remaining(Map<String, Strikes> followed, String key, Instant now) {
        Strikes strikes = followed.get(key);
        return strikes == null ? Duration.ZERO : strikes.remaining(now);
    }

    private void strike(Map<String, Strikes> followed, String key, int max, Instant now, String who) {
        if (followed.size() >= MAX_FOLLOWED && !followed.containsKey(key)) {
            followed.values().removeIf(s -> s.stale(now, maxLock));
            if (followed.size() >= MAX_FOLLOWED) {
                followed.values().removeIf(s -> s.remaining(now).isZero());
            }
        }
        Strikes strikes = followed.compute(key, (k, old) -> old == null || old.stale(now, maxLock) ? new Strikes() : old);
        Duration locked = strikes.fail(now, max, lock, maxLock);
        if (!locked.isZero()) {
            LOG.warnf("Sign-in locked for %d s after %d failures: %s", locked.toSeconds(), max, who);
        }
    }

    private static Duration longer(Duration a, Duration b) {
        return a.compareTo(b) >= 0 ? a : b;
    }

    /** Behind a reverse proxy, the client's address only if Quarkus is told to take it from the proxy. */
    private static String address(UsernamePasswordAuthenticationRequest request) {
        RoutingContext context = HttpSecurityUtils.getRoutingContextAttribute(request);
        SocketAddress remote = context == null ? null : context.request().remoteAddress();
        return remote == null || remote.hostAddress() == null ? "unknown" : remote.hostAddress();
    }

    /** A user name as typed may hold line breaks or terminal escapes: the log gets neither, nor a novel. */
    static String printable(String name) {
        StringBuilder out = new StringBuilder("\"");
        name.codePoints().limit(LOGGED_NAME).forEach(c -> out.appendCodePoint(
                Character.isISOControl(c) || Character.getType(c) == Character.FORMAT || c == '"' ? '?' : c));
        if (name.codePointCount(0, name.length()) > LOGGED_NAME) {
            out.append('…');
        }
        return out.append('"').toString();
    }

    /** The recent failures of one user name or address. */
    private static final class Strikes {
        private int failures;
        private int locks;
        private Instant lockedUntil = Instant.MIN;
        private Instant last = Instant.MIN;

        synchronized Duration remaining(Instant now) {
            return now.isBefore(lockedUntil) ? Duration.between(now, lockedUntil) : Duration.ZERO;
        }

        /** @return how long this failure locks for; zero when it does not */
        synchronized Duration fail(Instant now, int max, Duration lock, Duration maxLock) {
            last = now;
            if (++failures < max) {
                return Duration.ZERO;
            }
            failures = 0;
            locks++;
            Duration length = lock.multipliedBy(1L << Math.min(locks - 1, 20));
            length = length.compareTo(maxLock) > 0 ? maxLock : length;
            lockedUntil = now.plus(length);
            return length;
        }

        /** Quiet long enough to be forgotten: its next failure counts as a first one. */
        synchronized boolean stale(Instant now, Duration quiet) {
            Instant latest = lockedUntil.isAfter(last) ? lockedUntil : last;
            return now.isAfter(latest.plus(quiet));
        }
    }
}
