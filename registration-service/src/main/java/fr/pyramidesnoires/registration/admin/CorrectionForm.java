package fr.pyramidesnoires.registration.admin;

import fr.pyramidesnoires.events.EntryEvent;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import org.jboss.resteasy.reactive.RestForm;

/**
 * The organiser's correction form of an entry. It sends every field: a text left as it was changes nothing, an
 * emptied one clears it (a name cannot be emptied), as in the API. Since it sends every field, it also carries a
 * fingerprint of the entry as it was loaded: saved over a transfer or another organiser's correction made
 * meanwhile, it would put the old values back.
 */
public class CorrectionForm {

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
    /** A checkbox: absent when unticked. */
    @RestForm
    public boolean publishName;
    @RestForm
    public String email;
    @RestForm
    public String phone;
    @RestForm
    public String emergencyContactName;
    @RestForm
    public String emergencyContactPhone;
    @RestForm
    public String licenceNumber;
    @RestForm
    public String ppsNumber;
    @RestForm
    public String ppsDate;
    @RestForm
    public String loaded;

    /** The form as the entry stands. */
    static CorrectionForm of(AdminEntry entry) {
        CorrectionForm form = new CorrectionForm();
        form.firstName = entry.firstName();
        form.lastName = entry.lastName();
        form.sex = entry.sex().name();
        form.birthDate = entry.birthDate().toString();
        form.nationality = entry.nationality();
        form.club = entry.club();
        form.publishName = entry.publishName();
        form.email = entry.email();
        form.phone = entry.phone();
        form.emergencyContactName = entry.emergencyContactName();
        form.emergencyContactPhone = entry.emergencyContactPhone();
        form.licenceNumber = entry.licenceNumber();
        form.ppsNumber = entry.ppsNumber();
        form.ppsDate = entry.ppsDate() == null ? null : entry.ppsDate().toString();
        form.loaded = form.fingerprint();
        return form;
    }

    /** The fields as the form shows them, hashed: equal when the entry has not changed since it was loaded. */
    String fingerprint() {
        return Fingerprint.of(firstName, lastName, sex, birthDate, nationality, club, publishName, email, phone,
                emergencyContactName, emergencyContactPhone, licenceNumber, ppsNumber, ppsDate);
    }

    /** @param errors gets why a field cannot be read; the changes are then not to be applied */
    EntryChanges changes(List<String> errors) {
        EntryEvent.Sex readSex = null;
        try {
            readSex = EntryEvent.Sex.fromString(sex == null ? "" : sex);
        } catch (IllegalArgumentException e) {
            errors.add("Sexe : F, H ou X / Sex: F, M or X");
        }
        LocalDate born = date(birthDate, "Naissance / Birth date", errors);
        // an empty PPS date keeps the one stored; an emptied PPS number takes its date with it
        LocalDate pps = ppsDate == null || ppsDate.isBlank() ? null : date(ppsDate, "Date du PPS / PPS date", errors);
        return new EntryChanges(firstName, lastName, readSex, born, upper(nationality), club, publishName,
                email, phone, emergencyContactName, emergencyContactPhone, licenceNumber, ppsNumber, pps, null, null, null);
    }

    private static LocalDate date(String text, String label, List<String> errors) {
        try {
            return LocalDate.parse(text == null ? "" : text.strip());
        } catch (DateTimeParseException e) {
            errors.add(label + " : date AAAA-MM-JJ attendue / a YYYY-MM-DD date is expected");
            return null;
        }
    }

    private static String upper(String text) {
        return text == null ? null : text.strip().toUpperCase(Locale.ROOT);
    }
}
