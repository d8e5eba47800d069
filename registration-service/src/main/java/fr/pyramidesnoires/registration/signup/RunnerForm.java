package fr.pyramidesnoires.registration.signup;

import fr.pyramidesnoires.events.EntryEvent;
import fr.pyramidesnoires.registration.entry.RegistrationRequest;
import fr.pyramidesnoires.registration.event.EventSettings;
import io.quarkus.qute.TemplateData;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Map;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;

/**
 * A runner as typed into the registration or transfer form: every value as the browser sent it, so that a form
 * sent back with errors shows exactly what the runner typed.
 */
@TemplateData
public class RunnerForm {

    /** Which health proof the runner gives: only the chosen one's fields count. */
    public static final String LICENCE = "licence";
    public static final String PPS = "pps";
    public static final String CERTIFICATE = "certificate";

    @RestForm
    public String raceCode;
    @RestForm
    public String firstName;
    @RestForm
    public String lastName;
    @RestForm
    public String sex;
    @RestForm
    public String birthDate;
    @RestForm
    public String nationality;
    @RestForm
    public String club;
    @RestForm
    public String email;
    @RestForm
    public String phone;
    @RestForm
    public String emergencyContactName;
    @RestForm
    public String emergencyContactPhone;
    @RestForm
    public String proof;
    @RestForm
    public String licenceNumber;
    @RestForm
    public String ppsNumber;
    @RestForm
    public String ppsDate;
    @RestForm
    public FileUpload certificate;
    /** Checkboxes: sent only when ticked. */
    @RestForm
    public String rulesAccepted;
    @RestForm
    public String publishName;
    @RestForm
    public String waiverAccepted;
    @RestForm
    public String discountCode;
    /** Every race's questions and extras as typed ({@link RaceOrder}), read from the raw form: their names vary. */
    public Map<String, String> options = Map.of();

    /** A fresh form: the name is published unless the runner unticks it. */
    static RunnerForm blank(EventSettings event) {
        RunnerForm form = new RunnerForm();
        form.publishName = "on";
        form.proof = event.ffaEligibility() ? LICENCE : null;
        form.nationality = event.ffaEligibility() ? "FRA" : null;
        return form;
    }

    boolean certificateChosen() {
        return CERTIFICATE.equals(proof);
    }

    /**
     * The same request the JSON API takes; a value that cannot even be read (a date that is not one) is left out
     * and named in the errors, so that the rules then speak about the rest.
     */
    RegistrationRequest toRequest(EventSettings event, RaceOrder order, Map<String, String> errors) {
        if (!"on".equals(rulesAccepted)) {
            errors.put("rulesAccepted", "Acceptez le règlement pour vous inscrire / accept the rules to enter");
        }
        if (email == null || email.isBlank()) {
            // the API may leave it out, but a runner who signs up here gets their private link by e-mail
            errors.put("email", "Votre e-mail, pour recevoir votre lien privé / your e-mail, for your private link");
        }
        if (event.ffaEligibility()
                && (proof == null || !(proof.equals(LICENCE) || proof.equals(PPS) || certificateChosen()))) {
            errors.put("proof", "Choisissez un justificatif / choose a health proof");
        }
        // an event without health proof has no such fields on its form: whatever a client sends of them is not read
        String chosen = event.ffaEligibility() ? proof : null;
        return new RegistrationRequest(text(firstName), text(lastName), sex(errors),
                date("birthDate", birthDate, errors), text(raceCode),
                nationality == null ? null : text(nationality.toUpperCase(Locale.ROOT)), text(club), text(email),
                publishName != null, LICENCE.equals(chosen) ? text(licenceNumber) : null,
                PPS.equals(chosen) ? text(ppsNumber) : null,
                PPS.equals(chosen) ? date("ppsDate", ppsDate, errors) : null, CERTIFICATE.equals(chosen), text(phone),
                text(emergencyContactName), text(emergencyContactPhone),
                event.waiver() ? Boolean.valueOf("on".equals(waiverAccepted)) : null,
                order.extras().isEmpty() ? null : order.extras(), order.answers().isEmpty() ? null : order.answers(),
                text(discountCode),
                null, null);
    }

    private EntryEvent.Sex sex(Map<String, String> errors) {
        if (sex == null) {
            return null;
        }
        try {
            return EntryEvent.Sex.fromString(sex);
        } catch (IllegalArgumentException e) {
            errors.put("sex", "Choisissez F ou H / choose F or M");
            return null;
        }
    }

    private static LocalDate date(String field, String value, Map<String, String> errors) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            errors.put(field, "Date au format AAAA-MM-JJ / date as YYYY-MM-DD");
            return null;
        }
    }

    /** An empty field is an absent value, as in the JSON API. */
    private static String text(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
