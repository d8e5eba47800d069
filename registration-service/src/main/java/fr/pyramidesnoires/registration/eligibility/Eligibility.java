package fr.pyramidesnoires.registration.eligibility;

import fr.pyramidesnoires.registration.category.Category;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Who may run a race (FFA rules, see shared/domain.md). Distance classes count km-effort = km + D+ / 100; young
 * runners are limited per category; ultra distances need Espoirs or older; and a runner without a valid FFA
 * licence must give a PPS done within three months of race day, or a medical certificate where the race allows.
 */
public final class Eligibility {

    /** From 80 km-effort a trail is an ultra. */
    public static final double ULTRA_KM_EFFORT = 80;

    /**
     * SAMPLE defaults, for races whose file gives no limits: the most km-effort each young category may run.
     * Espoirs and older have no limit.
     */
    public static final Map<Category, Double> DEFAULT_LIMITS = Map.of(
            Category.JU, 25.0, Category.CA, 15.0, Category.MI, 10.0, Category.BE, 5.0,
            Category.PO, 0.0, Category.EA, 0.0, Category.BB, 0.0);

    /** Assumed form of an FFA licence number: six or seven digits. */
    static final Pattern LICENCE = Pattern.compile("\\d{6,7}");
    static final int PPS_VALID_MONTHS = 3;

    /** What a runner declares about their fitness to race. */
    public record Health(String licenceNumber, String ppsNumber, LocalDate ppsDate, boolean medicalCertificate) {
    }

    /** A broken rule: its name for machines, the reason for the runner. */
    public record Refusal(String rule, String reason) {
    }

    private Eligibility() {
    }

    public static double kmEffort(double km, int elevationGainM) {
        return km + elevationGainM / 100.0;
    }

    /**
     * @param limits the race's own limits per category; a category not named there has the default limit
     */
    public static Optional<Refusal> check(double kmEffort, Category category, Map<Category, Double> limits,
                                          Health health, LocalDate raceDay, boolean medicalCertificateAllowed) {
        double limit = limits.containsKey(category) ? limits.get(category)
                : DEFAULT_LIMITS.getOrDefault(category, Double.MAX_VALUE);
        if (kmEffort > limit) {
            return Optional.of(new Refusal("km-effort-limit", String.format(
                    "Category %s may run at most %.0f km-effort; this race is %.0f km-effort",
                    category, limit, kmEffort)));
        }
        if (kmEffort >= ULTRA_KM_EFFORT && category.compareTo(Category.ES) < 0) {
            return Optional.of(new Refusal("ultra-age", String.format(
                    "An ultra (%.0f km-effort) is open to Espoirs and older, not to %s", kmEffort, category)));
        }
        return health(health, raceDay, medicalCertificateAllowed);
    }

    /**
     * Entries are taken only between the race's opening and closing instants; a missing bound leaves that side
     * open, so that a race file without a window keeps taking entries.
     */
    public static Optional<Refusal> window(Instant now, OffsetDateTime opens, OffsetDateTime closes) {
        if (opens != null && now.isBefore(opens.toInstant())) {
            return Optional.of(new Refusal("entries-not-open", "Entries for this race open on " + opens));
        }
        if (closes != null && !now.isBefore(closes.toInstant())) {
            return Optional.of(new Refusal("entries-closed", "Entries for this race closed on " + closes));
        }
        return Optional.empty();
    }

    private static Optional<Refusal> health(Health health, LocalDate raceDay, boolean certificateAllowed) {
        if (health.licenceNumber() != null && !health.licenceNumber().isBlank()) {
            return LICENCE.matcher(health.licenceNumber().strip()).matches() ? Optional.empty()
                    : Optional.of(new Refusal("licence-format",
                            "An FFA licence number has 6 or 7 digits, not '" + health.licenceNumber() + "'"));
        }
        if (health.ppsNumber() != null && !health.ppsNumber().isBlank()) {
            if (health.ppsDate() == null) {
                return Optional.of(new Refusal("pps-date", "Give the date your PPS was completed"));
            }
            if (health.ppsDate().isAfter(raceDay)
                    || health.ppsDate().plusMonths(PPS_VALID_MONTHS).isBefore(raceDay)) {
                return Optional.of(new Refusal("pps-expired", "A PPS is valid " + PPS_VALID_MONTHS
                        + " months: one completed on " + health.ppsDate() + " is not valid on race day " + raceDay));
            }
            return Optional.empty();
        }
        if (health.medicalCertificate()) {
            return certificateAllowed ? Optional.empty() : Optional.of(new Refusal("certificate-not-accepted",
                    "This race does not accept a medical certificate: give an FFA licence or a PPS"));
        }
        return Optional.of(new Refusal("health-proof",
                "Give an FFA licence number, or a PPS completed less than 3 months before race day"));
    }
}
