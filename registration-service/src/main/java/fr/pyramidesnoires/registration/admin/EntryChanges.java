package fr.pyramidesnoires.registration.admin;

import fr.pyramidesnoires.events.EntryEvent;
import fr.pyramidesnoires.problem.PlainText;
import fr.pyramidesnoires.registration.entry.RegistrationRequest;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Past;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;

/**
 * An organiser's correction of an entry: a field left out (null) keeps its value; an empty text clears an
 * optional one. Changing the birth date or the health proof checks the runner's eligibility again. The bib and
 * the chip are the organiser's to assign to an entry with a place; they can be changed, never emptied.
 */
public record EntryChanges(
        @Size(max = 80) @Pattern(regexp = EntryChanges.NOT_BLANK, message = REQUIRED) @PlainText String firstName,
        @Size(max = 80) @Pattern(regexp = EntryChanges.NOT_BLANK, message = REQUIRED) @PlainText String lastName,
        EntryEvent.Sex sex,
        @Past LocalDate birthDate,
        @Pattern(regexp = "([A-Z]{3})?", message = RegistrationRequest.NATIONALITY_MESSAGE)
        @PlainText String nationality,
        @Size(max = 120) @PlainText String club,
        Boolean publishName,
        @Email @Size(max = 254) @PlainText String email,
        @Pattern(regexp = "(" + RegistrationRequest.PHONE + ")?", message = RegistrationRequest.PHONE_MESSAGE)
        @PlainText String phone,
        @Size(max = 120) @PlainText String emergencyContactName,
        @Pattern(regexp = "(" + RegistrationRequest.PHONE + ")?", message = RegistrationRequest.PHONE_MESSAGE)
        @PlainText String emergencyContactPhone,
        @Size(max = 20) @PlainText String licenceNumber,
        @Size(max = 40) @PlainText String ppsNumber,
        LocalDate ppsDate,
        Boolean medicalCertificate,
        @Min(1) Integer bib,
        @Pattern(regexp = EntryChanges.CHIP, message = CHIP_MESSAGE) @PlainText String chip) {

    /** Only the bib and chip the organiser assigns; null leaves either as it is. */
    static EntryChanges bibAndChip(Integer bib, String chip) {
        return new EntryChanges(null, null, null, null, null, null, null, null, null, null, null, null, null, null,
                null, bib, chip);
    }

    /** As blank a name as a registration may not leave. */
    static final String REQUIRED = "{jakarta.validation.constraints.NotBlank.message}";

    /** As printed on a chip or in a timing company's list: letters, digits and dashes. */
    static final String CHIP = "[0-9A-Za-z-]{1,40}";
    static final String CHIP_MESSAGE = "lettres, chiffres ou tirets, 40 au plus / letters, digits or dashes, 40 at most";

    /** A name may be changed, never emptied. */
    static final String NOT_BLANK = "(?s).*\\S.*";
}
