package fr.pyramidesnoires.registration.admin;

import jakarta.validation.Validator;
import java.util.List;

/** Why an organiser's form may not go to the API, in the words the page shows. */
final class FormProblems {

    private FormProblems() {
    }

    /**
     * @param unreadable the fields the form could not read; only a form read whole is held to the API's constraints,
     *                   which would otherwise report those fields again as missing
     */
    static List<String> of(List<String> unreadable, Validator validator, Object request) {
        if (!unreadable.isEmpty()) {
            return unreadable;
        }
        return validator.validate(request).stream()
                .map(violation -> violation.getPropertyPath() + " : " + violation.getMessage())
                .sorted()
                .toList();
    }
}
