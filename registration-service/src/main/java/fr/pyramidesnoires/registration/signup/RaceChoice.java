package fr.pyramidesnoires.registration.signup;

import fr.pyramidesnoires.registration.eligibility.Eligibility;
import fr.pyramidesnoires.registration.entry.Entry;
import fr.pyramidesnoires.registration.entry.EntryStatus;
import fr.pyramidesnoires.registration.race.Race;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** A race as the form offers it: what it is, what it costs, and how much room is left now. */
public record RaceChoice(String code, String name, double distanceKm, int elevationGainM, BigDecimal feeEur,
                         int placesLeft, long waitlisted, boolean certificateAllowed, boolean open) {

    /** 22 rather than 22.0. */
    public String km() {
        return BigDecimal.valueOf(distanceKm).stripTrailingZeros().toPlainString();
    }

    static List<RaceChoice> all() {
        Map<String, Long> confirmed = counts(EntryStatus.CONFIRMED);
        Map<String, Long> waiting = counts(EntryStatus.WAITLISTED);
        Instant now = Instant.now();
        return Race.<Race>listAll().stream()
                .sorted((a, b) -> Double.compare(b.distanceKm, a.distanceKm))
                .map(race -> new RaceChoice(race.code, race.name, race.distanceKm, race.elevationGainM, race.feeEur,
                        (int) Math.max(0, race.capacity - confirmed.getOrDefault(race.code, 0L)),
                        waiting.getOrDefault(race.code, 0L), race.medicalCertificateAllowed,
                        Eligibility.window(now, race.entriesOpen, race.entriesClose).isEmpty()
                                && now.isBefore(race.startTime.toInstant())))
                .toList();
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
