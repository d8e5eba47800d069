package fr.pyramidesnoires.registration.admin;

import fr.pyramidesnoires.events.RaceEvent;
import fr.pyramidesnoires.registration.eligibility.Eligibility;
import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.StringJoiner;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jboss.resteasy.reactive.RestForm;

/**
 * The organiser's form of a race's settings, dates in the event's wall-clock time as a datetime-local field shows
 * and sends them. An empty date or fee means none, as in the API, and empty km-effort limits mean the federation's.
 * It replaces the settings whole, so it carries a fingerprint of them as loaded, as the correction form does.
 */
public class RaceForm {

    private static final Pattern LIMIT = Pattern.compile(
            // something between code and number: "M010" could be M0 10 or M01 0
            "([A-Z][A-Z0-9]*)(?:\\s*[=:]\\s*|\\s+)([0-9]+(?:[.,][0-9]+)?)");
    private static final Pattern SEPARATORS = Pattern.compile("[\\s,;]*");

    @RestForm
    public String capacity;
    @RestForm
    public String entriesOpen;
    @RestForm
    public String entriesClose;
    @RestForm
    public String fee;
    /** As typed: "JU 25, CA 12,5", a category code and its limit each, in any case, "=" or ":" allowed between. */
    @RestForm
    public String kmEffortLimits;
    /** A checkbox: absent when unticked. */
    @RestForm
    public boolean medicalCertificateAllowed;
    /** A RaceEvent.Publication's name, from the page's choice. */
    @RestForm
    public String publication;
    @RestForm
    public String loaded;

    /** The form as the race stands. */
    static RaceForm of(RaceSettings settings, ZoneId zone) {
        RaceForm form = new RaceForm();
        form.capacity = String.valueOf(settings.capacity());
        form.entriesOpen = local(settings.entriesOpen(), zone);
        form.entriesClose = local(settings.entriesClose(), zone);
        form.fee = settings.fee() == null ? null : settings.fee().toPlainString();
        form.kmEffortLimits = limitsText(settings.kmEffortLimits());
        form.medicalCertificateAllowed = settings.medicalCertificateAllowed();
        form.publication = settings.publication().name();
        form.loaded = fingerprint(settings);
        return form;
    }

    static String fingerprint(RaceSettings settings) {
        return Fingerprint.of(settings.capacity(), settings.entriesOpen(), settings.entriesClose(), settings.fee(),
                settings.kmEffortLimits(), settings.medicalCertificateAllowed(), settings.publication());
    }

    /** @param errors gets why a field cannot be read; the settings are then not to be applied */
    RaceSettings settings(ZoneId zone, List<String> errors) {
        Integer places = null;
        try {
            places = Integer.valueOf(capacity == null ? "" : capacity.strip());
        } catch (NumberFormatException e) {
            errors.add("Places : un nombre entier / Places: a whole number");
        }
        BigDecimal amount = null;
        if (fee != null && !fee.isBlank()) {
            try {
                amount = new BigDecimal(fee.strip().replace(',', '.'));
            } catch (NumberFormatException e) {
                errors.add("Frais : un montant, par exemple 25.50 / Fee: an amount, e.g. 25.50");
            }
        }
        return new RaceSettings(places, date(entriesOpen, zone, "Ouverture / Opening", errors),
                date(entriesClose, zone, "Clôture / Closing", errors), amount, limits(errors),
                medicalCertificateAllowed, publication(errors));
    }

    private RaceEvent.Publication publication(List<String> errors) {
        try {
            return publication == null || publication.isBlank() ? null : RaceEvent.Publication.valueOf(publication);
        } catch (IllegalArgumentException e) {
            errors.add("Publication : un des choix de la liste / Publication: one of the list's choices");
            return null;
        }
    }

    /** The limits that apply where the race names none, as the page's hint shows them. */
    public String defaultLimits() {
        Map<String, Double> defaults = new TreeMap<>();
        Eligibility.DEFAULT_LIMITS.forEach((category, limit) -> defaults.put(category.name(), limit));
        return limitsText(defaults);
    }

    /** Null, the federation's limits, when none are typed; which codes are categories is the API's rule. */
    private Map<String, Double> limits(List<String> errors) {
        if (kmEffortLimits == null || kmEffortLimits.isBlank()) {
            return null;
        }
        String typed = kmEffortLimits.toUpperCase(Locale.ROOT);
        Map<String, Double> limits = new TreeMap<>();
        Matcher limit = LIMIT.matcher(typed);
        int readUpTo = 0;
        // each limit follows the one before with nothing but separators between
        while (limit.find() && SEPARATORS.matcher(typed.substring(readUpTo, limit.start())).matches()) {
            if (limits.put(limit.group(1), Double.valueOf(limit.group(2).replace(',', '.'))) != null) {
                errors.add("Limites km-effort : " + limit.group(1) + " est nommée deux fois / Km-effort limits: "
                        + limit.group(1) + " is named twice");
                return null;
            }
            readUpTo = limit.end();
        }
        if (limits.isEmpty() || !SEPARATORS.matcher(typed.substring(readUpTo)).matches()) {
            errors.add("Limites km-effort : une catégorie et son nombre, par exemple JU 25, CA 15"
                    + " / Km-effort limits: a category and its number, e.g. JU 25, CA 15");
            return null;
        }
        return limits;
    }

    private static String limitsText(Map<String, Double> limits) {
        if (limits == null || limits.isEmpty()) {
            return null;
        }
        StringJoiner text = new StringJoiner(", ");
        new TreeMap<>(limits).forEach((category, limit) -> text.add(category + " "
                + BigDecimal.valueOf(limit).stripTrailingZeros().toPlainString()));
        return text.toString();
    }

    private static OffsetDateTime date(String text, ZoneId zone, String label, List<String> errors) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return LocalDateTime.parse(text.strip()).atZone(zone).toOffsetDateTime();
        } catch (DateTimeParseException e) {
            errors.add(label + " : AAAA-MM-JJThh:mm:ss attendu / YYYY-MM-DDThh:mm:ss expected");
            return null;
        }
    }

    private static String local(OffsetDateTime time, ZoneId zone) {
        return time == null ? null
                : time.atZoneSameInstant(zone).toLocalDateTime().truncatedTo(ChronoUnit.SECONDS).toString();
    }
}
