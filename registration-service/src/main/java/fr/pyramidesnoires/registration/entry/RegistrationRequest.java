package fr.pyramidesnoires.registration.entry;

import fr.pyramidesnoires.events.EntryEvent;
import fr.pyramidesnoires.problem.PlainText;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Null;
import jakarta.validation.constraints.Past;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import fr.pyramidesnoires.registration.price.ExtraChoice;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

public record RegistrationRequest(
        @NotBlank @Size(max = 80) @PlainText String firstName,
        @NotBlank @Size(max = 80) @PlainText String lastName,
        @NotNull EntryEvent.Sex sex,
        @NotNull @Past LocalDate birthDate,
        @NotBlank @Size(max = 20) @PlainText String raceCode,
        @Pattern(regexp = "[A-Z]{3}", message = NATIONALITY_MESSAGE) @PlainText String nationality,
        @Size(max = 120) @PlainText String club,
        // required: the private link goes there, and a made-up runner without one is the cheapest to make up
        @NotBlank @Email @Size(max = 254) @PlainText String email,
        Boolean publishName,
        @Size(max = 20) @PlainText String licenceNumber,
        @Size(max = 40) @PlainText String ppsNumber,
        @PastOrPresent LocalDate ppsDate,
        Boolean medicalCertificate,
        @Pattern(regexp = PHONE, message = PHONE_MESSAGE) @PlainText String phone,
        @Size(max = 120) @PlainText String emergencyContactName,
        @Pattern(regexp = PHONE, message = PHONE_MESSAGE) @PlainText String emergencyContactPhone,
        // where the event has a waiver (EVENT_ELIGIBILITY=waiver), true to accept it; refused otherwise
        Boolean waiverAccepted,
        // paid extras chosen, answers to the race's questions by code, and a discount code: the race's payment terms
        @Size(max = 20) List<ExtraChoice> extras,
        @Size(max = 50) Map<String, @Size(max = 500) @PlainText String> answers,
        @Size(max = 40) @PlainText String discountCode,
        // read only to be refused: ignored, a runner would believe they chose their bib
        @Null(message = ORGANISER_BIB) Object bib,
        @Null(message = ORGANISER_CHIP) Object chip) {

    /** International or French form: an optional +, then 8 to 15 digits, spaces, dots or dashes allowed. */
    public static final String PHONE = "\\+?[0-9][0-9 .-]{7,19}";
    public static final String PHONE_MESSAGE =
            "un numéro de téléphone, par exemple +33 6 12 34 56 78 / a phone number such as +33 6 12 34 56 78";
    public static final String ORGANISER_BIB = "seul l'organisateur attribue les dossards, l'inscription en reçoit un"
            + " / only the organiser assigns bibs, the entry gets one";
    public static final String ORGANISER_CHIP = "seul l'organisateur attribue les puces, l'inscription en reçoit une"
            + " / only the organiser assigns chips, the entry gets one";
    public static final String NATIONALITY_MESSAGE =
            "le code pays ISO 3166 en trois lettres, par exemple FRA / an ISO 3166 alpha-3 code such as FRA";
}
