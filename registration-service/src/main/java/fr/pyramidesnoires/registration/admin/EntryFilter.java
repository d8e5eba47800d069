package fr.pyramidesnoires.registration.admin;

import fr.pyramidesnoires.events.EntryEvent;
import fr.pyramidesnoires.registration.entry.EntryStatus;
import io.quarkus.panache.common.Parameters;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What an organiser looks for among the entries; every criterion given must hold. Name and club match any part,
 * ignoring case; the others match exactly.
 */
public record EntryFilter(String name, Integer bib, String club, String raceCode, EntryStatus status,
                          EntryEvent.Sex sex, String category, Boolean documentsChecked) {

    /** The JPQL condition and its parameters; "1 = 1" when nothing is asked. */
    Query query() {
        List<String> conditions = new ArrayList<>();
        Parameters parameters = new Parameters();
        if (present(name)) {
            conditions.add("lower(concat(firstName, ' ', lastName)) like :name");
            parameters.and("name", like(name));
        }
        if (bib != null) {
            conditions.add("bib = :bib");
            parameters.and("bib", bib);
        }
        if (present(club)) {
            conditions.add("lower(club) like :club");
            parameters.and("club", like(club));
        }
        if (present(raceCode)) {
            conditions.add("raceCode = :race");
            parameters.and("race", raceCode);
        }
        if (status != null) {
            conditions.add("status = :status");
            parameters.and("status", status);
        }
        if (sex != null) {
            conditions.add("sex = :sex");
            parameters.and("sex", sex);
        }
        if (present(category)) {
            conditions.add("category = :category");
            parameters.and("category", category);
        }
        if (documentsChecked != null) {
            conditions.add(documentsChecked ? "documentsCheckedAt is not null" : "documentsCheckedAt is null");
        }
        return new Query(conditions.isEmpty() ? "1 = 1" : String.join(" and ", conditions), parameters);
    }

    record Query(String where, Parameters parameters) {
    }

    private static boolean present(String value) {
        return value != null && !value.isBlank();
    }

    /** A contains-match whose own % and _ match themselves. */
    private static String like(String value) {
        return "%" + value.strip().toLowerCase(Locale.ROOT).replace("\\", "\\\\").replace("%", "\\%")
                .replace("_", "\\_") + "%";
    }
}
