package fr.pyramidesnoires.registration.signup;

import fr.pyramidesnoires.registration.eligibility.Eligibility;
import fr.pyramidesnoires.registration.entry.Entry;
import fr.pyramidesnoires.registration.entry.EntryStatus;
import fr.pyramidesnoires.registration.event.EventSettings;
import fr.pyramidesnoires.registration.price.Fee;
import fr.pyramidesnoires.registration.price.PaymentTerms;
import fr.pyramidesnoires.registration.race.Race;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A race as the form offers it: what it is, in the event's units, what it costs now, in the event's currency, and
 * how much room is left now.
 *
 * @param feeName   the name of the price that applies now, if the organiser gave one ("Tarif préférentiel")
 * @param feeFr     the price for every runner now, as French text writes it ("95 €"); null without a fee
 * @param feeEn     as English text writes it ("€95")
 * @param otherFees the categories that pay another price now
 */
public record RaceChoice(String code, String name, String distance, String climb, String feeName, String feeFr,
                         String feeEn, List<OtherFee> otherFees, int placesLeft, long waitlisted,
                         boolean certificateAllowed, boolean nonBinaryDivision, boolean open) {

    /** "Tarif jeunes / Youth: 15 € (ES, JU, CA)" */
    public record OtherFee(String name, String feeFr, String feeEn, String categories) {
    }

    static List<RaceChoice> all(EventSettings event) {
        Map<String, Long> confirmed = counts(EntryStatus.CONFIRMED);
        Map<String, Long> held = counts(EntryStatus.HELD);
        Map<String, Long> waiting = counts(EntryStatus.WAITLISTED);
        Instant now = Instant.now();
        return Race.<Race>listAll().stream()
                .sorted((a, b) -> Double.compare(b.distanceKm, a.distanceKm))
                .map(race -> {
                    long left = race.capacity - confirmed.getOrDefault(race.code, 0L)
                            - held.getOrDefault(race.code, 0L);
                    // a certificate is a health proof, which an event without them does not ask for
                    return of(race, event, now, (int) Math.max(0, left), waiting.getOrDefault(race.code, 0L),
                            race.medicalCertificateAllowed && event.ffaEligibility(),
                            Eligibility.window(now, race.entriesOpen, race.entriesClose).isEmpty()
                                    && now.isBefore(race.startTime.toInstant()));
                })
                .toList();
    }

    /** With the price for every runner now, and those of the categories that pay another beside it. */
    private static RaceChoice of(Race race, EventSettings event, Instant now, int placesLeft, long waitlisted,
                                 boolean certificateAllowed, boolean open) {
        PaymentTerms terms = race.paymentTerms();
        Fee fee = terms.feeForDisplay(now, race.feeCents());
        boolean noFee = fee.tier() == null && race.fee == null;
        List<OtherFee> otherFees = terms.categoryFees(now, race.feeCents()).stream()
                .map(other -> new OtherFee(other.name(), event.centsFr(other.cents()), event.centsEn(other.cents()),
                        String.join(", ", other.categories())))
                .toList();
        return new RaceChoice(race.code, race.name, event.distance(race.distanceKm), event.climb(race.elevationGainM),
                fee.name(), noFee ? null : event.centsFr(fee.cents()), noFee ? null : event.centsEn(fee.cents()),
                otherFees, placesLeft, waitlisted, certificateAllowed, race.nonBinaryDivision, open);
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
