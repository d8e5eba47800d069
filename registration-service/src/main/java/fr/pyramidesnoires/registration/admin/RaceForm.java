package fr.pyramidesnoires.registration.admin;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.jboss.resteasy.reactive.RestForm;

/**
 * The organiser's form of a race's settings, dates in the event's wall-clock time as a datetime-local field shows
 * and sends them. An empty date or fee means none, as in the API; the km-effort limits are kept as they are. It
 * replaces the settings whole, so it carries a fingerprint of them as loaded, as the correction form does.
 */
public class RaceForm {

    @RestForm
    public String capacity;
    @RestForm
    public String entriesOpen;
    @RestForm
    public String entriesClose;
    @RestForm
    public String feeEur;
    /** A checkbox: absent when unticked. */
    @RestForm
    public boolean medicalCertificateAllowed;
    @RestForm
    public String loaded;

    /** The form as the race stands. */
    static RaceForm of(RaceSettings settings, ZoneId zone) {
        RaceForm form = new RaceForm();
        form.capacity = String.valueOf(settings.capacity());
        form.entriesOpen = local(settings.entriesOpen(), zone);
        form.entriesClose = local(settings.entriesClose(), zone);
        form.feeEur = settings.feeEur() == null ? null : settings.feeEur().toPlainString();
        form.medicalCertificateAllowed = settings.medicalCertificateAllowed();
        form.loaded = fingerprint(settings);
        return form;
    }

    static String fingerprint(RaceSettings settings) {
        return Fingerprint.of(settings.capacity(), settings.entriesOpen(), settings.entriesClose(), settings.feeEur(),
                settings.kmEffortLimits(), settings.medicalCertificateAllowed());
    }

    /** @param errors gets why a field cannot be read; the settings are then not to be applied */
    RaceSettings settings(RaceSettings current, ZoneId zone, List<String> errors) {
        Integer places = null;
        try {
            places = Integer.valueOf(capacity == null ? "" : capacity.strip());
        } catch (NumberFormatException e) {
            errors.add("Places : un nombre entier / Places: a whole number");
        }
        BigDecimal fee = null;
        if (feeEur != null && !feeEur.isBlank()) {
            try {
                fee = new BigDecimal(feeEur.strip().replace(',', '.'));
            } catch (NumberFormatException e) {
                errors.add("Frais : un montant en euros, par exemple 25.50 / Fee: an amount in euros, e.g. 25.50");
            }
        }
        return new RaceSettings(places, date(entriesOpen, zone, "Ouverture / Opening", errors),
                date(entriesClose, zone, "Clôture / Closing", errors), fee, current.kmEffortLimits(),
                medicalCertificateAllowed);
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
