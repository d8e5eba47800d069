package fr.pyramidesnoires.registration.entry;

import fr.pyramidesnoires.events.EntryEvent;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Past;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;

public record RegistrationRequest(
        @NotBlank @Size(max = 80) String firstName,
        @NotBlank @Size(max = 80) String lastName,
        @NotNull EntryEvent.Sex sex,
        @NotNull @Past LocalDate birthDate,
        @NotBlank @Size(max = 20) String raceCode,
        @Pattern(regexp = "[A-Z]{3}", message = "must be an ISO 3166 alpha-3 code such as FRA") String nationality,
        @Size(max = 120) String club,
        @Email @Size(max = 254) String email,
        Boolean publishName,
        @Size(max = 20) String licenceNumber,
        @Size(max = 40) String ppsNumber,
        LocalDate ppsDate,
        Boolean medicalCertificate) {
}
