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

    /**
     * A broken rule: its name for machines, the reason for the runner, and the request's field it is about, when
     * it is about one.
     */
    public record Refusal(String rule, String reason, String field) {

        public Refusal(String rule, String reason) {
            this(rule, reason, null);
        }
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
                    "La catégorie %1$s court au plus %2$.0f km-effort, cette course en fait %3$.0f"
                    + " / Category %1$s may run at most %2$.0f km-effort; this race is %3$.0f km-effort",
                    category, limit, kmEffort)));
        }
        if (kmEffort >= ULTRA_KM_EFFORT && category.compareTo(Category.ES) < 0) {
            return Optional.of(new Refusal("ultra-age", String.format(
                    "Un ultra (%1$.0f km-effort) est réservé aux Espoirs et plus âgés, pas aux %2$s"
                    + " / An ultra (%1$.0f km-effort) is open to Espoirs and older, not to %2$s", kmEffort, category)));
        }
        return health(health, raceDay, medicalCertificateAllowed);
    }

    /**
     * Entries are taken only between the race's opening and closing instants; a missing bound leaves that side
     * open, so that a race file without a window keeps taking entries.
     */
    public static Optional<Refusal> window(Instant now, OffsetDateTime opens, OffsetDateTime closes) {
        if (opens != null && now.isBefore(opens.toInstant())) {
            return Optional.of(new Refusal("entries-not-open", "Les inscriptions ouvrent le " + opens
                    + " / Entries for this race open on " + opens));
        }
        if (closes != null && !now.isBefore(closes.toInstant())) {
            return Optional.of(new Refusal("entries-closed", "Les inscriptions ont fermé le " + closes
                    + " / Entries for this race closed on " + closes));
        }
        return Optional.empty();
    }

    private static Optional<Refusal> health(Health health, LocalDate raceDay, boolean certificateAllowed) {
        if (health.licenceNumber() != null && !health.licenceNumber().isBlank()) {
            return LICENCE.matcher(health.licenceNumber().strip()).matches() ? Optional.empty()
                    : Optional.of(new Refusal("licence-format",
                            "Une licence FFA a 6 ou 7 chiffres, pas '" + health.licenceNumber() + "'"
                            + " / An FFA licence number has 6 or 7 digits, not '" + health.licenceNumber() + "'"));
        }
        if (health.ppsNumber() != null && !health.ppsNumber().isBlank()) {
            if (health.ppsDate() == null) {
                return Optional.of(new Refusal("pps-date",
                        "Indiquez la date de votre PPS / Give the date your PPS was completed"));
            }
            if (health.ppsDate().isAfter(raceDay)
                    || health.ppsDate().plusMonths(PPS_VALID_MONTHS).isBefore(raceDay)) {
                return Optional.of(new Refusal("pps-expired", "Un PPS vaut " + PPS_VALID_MONTHS + " mois : celui du "
                        + health.ppsDate() + " n'est pas valable le jour de la course, le " + raceDay
                        + " / A PPS is valid " + PPS_VALID_MONTHS + " months: one completed on " + health.ppsDate()
                        + " is not valid on race day " + raceDay));
            }
            return Optional.empty();
        }
        if (health.medicalCertificate()) {
            return certificateAllowed ? Optional.empty() : Optional.of(new Refusal("certificate-not-accepted",
                    "Cette course n'accepte pas de certificat médical : donnez une licence FFA ou un PPS"
                    + " / This race does not accept a medical certificate: give an FFA licence or a PPS"));
        }
        return Optional.of(new Refusal("health-proof",
                "Donnez un numéro de licence FFA, ou un PPS de moins de 3 mois le jour de la course"
                + " / Give an FFA licence number, or a PPS completed less than 3 months before race day"));
    }
}
