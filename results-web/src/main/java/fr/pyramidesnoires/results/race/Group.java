package fr.pyramidesnoires.results.race;

import com.fasterxml.jackson.annotation.JsonValue;
import fr.pyramidesnoires.events.EntryEvent;

/**
 * The category and sex a runner is ranked in, as entries carry them. The category is whatever the organiser's
 * races use: an FFA code ("M2"), an age group ("40-49"), anything. Pages write the sex in their own language (men
 * are H in French, M in English); the API and the CSV keep the letters of the wire.
 */
public record Group(String category, EntryEvent.Sex sex) {

    /** "SE-F", "M2-H", "40-49-X": the API's and the CSV's form. */
    @JsonValue
    public String label() {
        return category + "-" + sex;
    }

    public static Group of(EntryEvent entry) {
        return new Group(entry.category(), entry.sex());
    }
}
