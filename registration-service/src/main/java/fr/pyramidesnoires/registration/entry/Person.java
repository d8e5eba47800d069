package fr.pyramidesnoires.registration.entry;

import java.time.LocalDate;
import java.util.Locale;

/** A runner as the duplicate check sees them: the same names in any case, around spaces ignored, same birth date. */
record Person(String firstName, String lastName, LocalDate birthDate) {

    Person {
        firstName = firstName.strip().toLowerCase(Locale.ROOT);
        lastName = lastName.strip().toLowerCase(Locale.ROOT);
    }

    static Person of(RegistrationRequest request) {
        return new Person(request.firstName(), request.lastName(), request.birthDate());
    }
}
