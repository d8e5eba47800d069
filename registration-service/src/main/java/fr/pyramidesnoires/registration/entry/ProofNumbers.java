package fr.pyramidesnoires.registration.entry;

import fr.pyramidesnoires.registration.eligibility.Eligibility;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.Collection;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;

/**
 * A licence or PPS number is one runner's: held by an active (confirmed or waitlisted) entry of the event, in any
 * race, it is refused to every other entry, so that a script cannot take places under made-up runners with one
 * real number. Numbers compare on their letters and digits in upper case: "PPS-77ab" is "PPS77AB".
 * <p>
 * The registrar locks one race, but the numbers span the races: each number checked is also locked, with a
 * transaction-level advisory lock taken after the race's lock and in one sorted step, so that two requests with
 * one number in two races are decided one after the other, and no two transactions wait on each other.
 */
final class ProofNumbers {

    /** The advisory locks' first key: these locks apart from any other use of advisory locks. */
    private static final int LOCK_SPACE = 0x5450_4e31;

    private ProofNumbers() {
    }

    /** A number as compared: a licence and a PPS are two kinds, never equal to each other. */
    record Key(Kind kind, String number) {
    }

    enum Kind {
        LICENCE, PPS
    }

    /** The proof numbers a runner gives; none when blank. */
    static Set<Key> of(Eligibility.Health health) {
        Set<Key> keys = new HashSet<>(2);
        add(keys, Kind.LICENCE, health.licenceNumber());
        add(keys, Kind.PPS, health.ppsNumber());
        return keys;
    }

    private static void add(Set<Key> keys, Kind kind, String number) {
        String compared = number == null ? "" : number.replaceAll("[^A-Za-z0-9]", "").toUpperCase(Locale.ROOT);
        if (!compared.isEmpty()) {
            keys.add(new Key(kind, compared));
        }
    }

    /**
     * Locks the numbers until the transaction ends, then says which of them an active entry other than
     * {@code except} holds, as committed by then.
     */
    static Set<Key> lockAndFindHeld(Collection<Key> keys, UUID except) {
        if (keys.isEmpty()) {
            return new HashSet<>();
        }
        return Entry.read(connection -> {
            // sorted, so that two transactions locking overlapping numbers take them in the same order
            Integer[] locks = keys.stream().map(key -> (key.kind() + ":" + key.number()).hashCode()).distinct()
                    .sorted().toArray(Integer[]::new);
            try (PreparedStatement lock = connection.prepareStatement(
                    "SELECT pg_advisory_xact_lock(?, k) FROM unnest(?::int[]) AS k")) {
                lock.setInt(1, LOCK_SPACE);
                lock.setArray(2, connection.createArrayOf("int4", locks));
                lock.executeQuery().close();
            }
            try (PreparedStatement query = connection.prepareStatement("""
                    SELECT upper(regexp_replace(licencenumber, '[^A-Za-z0-9]', '', 'g')),
                           upper(regexp_replace(ppsnumber, '[^A-Za-z0-9]', '', 'g'))
                    FROM entry
                    WHERE (status <> 'CANCELLED' AND licencenumber IS NOT NULL
                           AND upper(regexp_replace(licencenumber, '[^A-Za-z0-9]', '', 'g')) = ANY (?::text[])
                        OR status <> 'CANCELLED' AND ppsnumber IS NOT NULL
                           AND upper(regexp_replace(ppsnumber, '[^A-Za-z0-9]', '', 'g')) = ANY (?::text[]))
                      AND id IS DISTINCT FROM ?::uuid""")) {
                query.setArray(1, connection.createArrayOf("text", numbers(keys, Kind.LICENCE)));
                query.setArray(2, connection.createArrayOf("text", numbers(keys, Kind.PPS)));
                query.setObject(3, except);
                Set<Key> held = new HashSet<>();
                try (ResultSet rows = query.executeQuery()) {
                    while (rows.next()) {
                        held.add(new Key(Kind.LICENCE, rows.getString(1)));
                        held.add(new Key(Kind.PPS, rows.getString(2)));
                    }
                }
                held.retainAll(keys);
                return held;
            }
        });
    }

    private static Object[] numbers(Collection<Key> keys, Kind kind) {
        return keys.stream().filter(key -> key.kind() == kind).map(Key::number).toArray();
    }

    /** The refusal of a number another entry holds; which entry, or whose, is not said. */
    static EntryRefused held(Key key) {
        return key.kind() == Kind.LICENCE
                ? new EntryRefused(409, "licence-in-use", "La licence " + key.number()
                        + " est déjà celle d'une autre inscription à l'événement / Licence number " + key.number()
                        + " is already used by another entry of the event")
                : new EntryRefused(409, "pps-in-use", "Le PPS " + key.number()
                        + " est déjà celui d'une autre inscription à l'événement / PPS number " + key.number()
                        + " is already used by another entry of the event");
    }
}
