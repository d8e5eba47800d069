package fr.pyramidesnoires.registration.category;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * How the event names a runner's category (EVENT_CATEGORIES): the FFA's categories by season, or the organiser's
 * age groups by age on race day. A category is a plain label, as pages, exports and the entries topic show it.
 */
public sealed interface CategoryRule permits CategoryRule.Ffa, AgeGroups {

    /** The runner's category on race day; empty when the rule gives a runner of that age none. */
    Optional<String> on(LocalDate birthDate, LocalDate raceDay);

    /** The FFA's categories ({@link Category}), by birth year and season, shown by their codes (SE, M0, ...). */
    record Ffa() implements CategoryRule {
        @Override
        public Optional<String> on(LocalDate birthDate, LocalDate raceDay) {
            try {
                return Optional.of(Category.on(birthDate, raceDay).name());
            } catch (IllegalArgumentException e) {
                return Optional.empty();
            }
        }
    }

    CategoryRule FFA = new Ffa();

    /**
     * The event's setting: {@code ffa}, {@code age-groups:N} (groups N years wide from 20, under 20 together), or
     * {@code age-groups:B1,B2,...} (the lower bound of each group, in years, rising).
     *
     * @throws IllegalArgumentException saying what is accepted, so that a misspelt setting stops the service at
     *                                  start-up rather than giving every runner a wrong category
     */
    static CategoryRule of(String setting) {
        String value = setting.strip();
        if (value.equalsIgnoreCase("ffa")) {
            return FFA;
        }
        String prefix = "age-groups:";
        if (!value.regionMatches(true, 0, prefix, 0, prefix.length())) {
            throw new IllegalArgumentException(AgeGroups.SETTING + ", not '" + setting + "'");
        }
        List<Integer> numbers;
        try {
            numbers = Arrays.stream(value.substring(prefix.length()).split(",", -1))
                    .map(String::strip).map(Integer::valueOf).toList();
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(AgeGroups.SETTING + ": '" + setting + "' has something other than"
                    + " whole numbers of years after age-groups:");
        }
        return numbers.size() == 1 ? AgeGroups.wide(numbers.get(0)) : AgeGroups.from(numbers);
    }
}
