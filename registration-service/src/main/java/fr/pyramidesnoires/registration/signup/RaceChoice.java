package fr.pyramidesnoires.registration.signup;

import fr.pyramidesnoires.registration.eligibility.Eligibility;
import fr.pyramidesnoires.registration.entry.Entry;
import fr.pyramidesnoires.registration.entry.EntryStatus;
import fr.pyramidesnoires.registration.event.EventSettings;
import fr.pyramidesnoires.registration.race.Race;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A race as the form offers it: what it is, in the event's units, what it costs, in the event's currency, and how
 * much room is left now.
 *
 * @param feeFr as French text writes it ("95 €"); null without a fee
 * @param feeEn as English text writes it ("€95")
 */
public record RaceChoice(String code, String name, String distance, String climb, String feeFr, String feeEn,
                         int placesLeft, long waitlisted, boolean certificateAllowed, boolean nonBinaryDivision,
                         boolean open) {

    static List<RaceChoice> all(EventSettings event) {
        Map<String, Long> confirmed = counts(EntryStatus.CONFIRMED);
        Map<String, Long> held = counts(EntryStatus.HELD);
        Map<String, Long> waiting = counts(EntryStatus.WAITLISTED);
        Instant now = Instant.now();
        return Race.<Race>listAll().stream()
                .sorted((a, b) -> Double.compare(b.distanceKm, a.distanceKm))
                .map(race -> new RaceChoice(race.code, race.name, event.distance(race.distanceKm),
                        event.climb(race.elevationGainM), event.feeFr(race.fee), event.feeEn(race.fee),
                        (int) Math.max(0, race.capacity - confirmed.getOrDefault(race.code, 0L)
                                - held.getOrDefault(race.code, 0L)),
                        waiting.getOrDefault(race.code, 0L),
                        // a certificate is a health proof, which an event without them does not ask for
                        race.medicalCertificateAllowed && event.ffaEligibility(), race.nonBinaryDivision,
                        Eligibility.window(now, race.entriesOpen, race.entriesClose).isEmpty()
                                && now.isBefore(race.startTime.toInstant())))
                .toList();
    }

    /** The races a runner of the non-binary division (X) may enter, as the form names them; null for none. */
    static String nonBinaryRaces(List<RaceChoice> races) {
        String codes = races.stream().filter(RaceChoice::nonBinaryDivision).map(RaceChoice::code)
                .collect(Collectors.joining(", "));
        return codes.isEmpty() ? null : codes;
    }

    private static Map<String, Long> counts(EntryStatus status) {
        Map<String, Long> counts = new HashMap<>();
        Entry.getEntityManager()
                .createQuery("select e.raceCode, count(e) from Entry e where e.status = ?1 group by e.raceCode",
                        Object[].class)
                .setParameter(1, status)
                .getResultList()
                .forEach(row -> counts.put((String) row[0], (Long) row[1]));
        return counts;
    }
}
