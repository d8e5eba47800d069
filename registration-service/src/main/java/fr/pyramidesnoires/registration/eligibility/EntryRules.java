package fr.pyramidesnoires.registration.eligibility;

import fr.pyramidesnoires.registration.category.AgeGroups;
import fr.pyramidesnoires.registration.category.Category;
import fr.pyramidesnoires.registration.category.CategoryRule;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * The event's own rules of who may enter and in which category, as its settings give them: an FFA event keeps
 * the federation's rules ({@link Eligibility}) whatever categories it shows, since they protect young runners by
 * their FFA category; an event under another body asks no health proof, or the acceptance of its waiver.
 *
 * @param minimumAge the youngest a runner may be on race day, if the event sets one; under any proof rule
 */
public record EntryRules(Proof proof, CategoryRule categories, OptionalInt minimumAge) {

    /** What a runner must give to enter (EVENT_ELIGIBILITY). */
    public enum Proof {
        /** An FFA licence, a PPS or a medical certificate, and the FFA's km-effort and ultra age rules. */
        FFA,
        /** Nothing: the organiser's own rules apply elsewhere. */
        NONE,
        /** The acceptance of the event's waiver. */
        WAIVER;

        /** @throws IllegalArgumentException naming what is accepted */
        public static Proof of(String setting) {
            return switch (setting.strip().toLowerCase(Locale.ROOT)) {
                case "ffa" -> FFA;
                case "none" -> NONE;
                case "waiver" -> WAIVER;
                default -> throw new IllegalArgumentException("EVENT_ELIGIBILITY is ffa, none or waiver, not '"
                        + setting + "'");
            };
        }
    }

    /** The French sample event's rules: FFA proof and categories, no minimum age beyond the FFA's. */
    public static final EntryRules FFA = new EntryRules(Proof.FFA, CategoryRule.FFA, OptionalInt.empty());

    /** What the runner brings: their birth date, what they declare of their health, and the waiver's acceptance. */
    public record Runner(LocalDate birthDate, Eligibility.Health health, boolean waiverAccepted) {
    }

    /**
     * What of the race decides: its day, its km-effort, its km-effort limits per FFA category, whether it takes a
     * medical certificate.
     */
    public record RaceTerms(LocalDate raceDay, double kmEffort, Map<Category, Double> limits,
                            boolean certificateAllowed) {
    }

    public EntryRules {
        if (minimumAge.isPresent() && (minimumAge.getAsInt() < 0 || minimumAge.getAsInt() > 120)) {
            throw new IllegalArgumentException("EVENT_MINIMUM_AGE is an age in years from 0 to 120, not "
                    + minimumAge.getAsInt());
        }
    }

    /** The runner's category on race day, empty when the event's categories have none for their age. */
    public Optional<String> category(LocalDate birthDate, LocalDate raceDay) {
        return categories.on(birthDate, raceDay);
    }

    /** The first rule the runner breaks for this race, if any. */
    public Optional<Eligibility.Refusal> check(Runner runner, RaceTerms race) {
        if (minimumAge.isPresent() && AgeGroups.age(runner.birthDate(), race.raceDay()) < minimumAge.getAsInt()) {
            return Optional.of(new Eligibility.Refusal("minimum-age", "Il faut avoir " + minimumAge.getAsInt()
                    + " ans le jour de la course, le " + race.raceDay() + " / Runners must be "
                    + minimumAge.getAsInt() + " or older on race day, " + race.raceDay(), "birthDate"));
        }
        return switch (proof) {
            case FFA -> ffa(runner, race);
            case NONE -> Optional.empty();
            case WAIVER -> runner.waiverAccepted() ? Optional.empty()
                    : Optional.of(new Eligibility.Refusal("waiver-not-accepted", "Acceptez la décharge de"
                    + " l'épreuve pour vous inscrire / Accept the event's waiver to enter", "waiverAccepted"));
        };
    }

    private static Optional<Eligibility.Refusal> ffa(Runner runner, RaceTerms race) {
        Category category;
        try {
            category = Category.on(runner.birthDate(), race.raceDay());
        } catch (IllegalArgumentException e) {
            return Optional.of(new Eligibility.Refusal("birth-date", "Une naissance en "
                    + runner.birthDate().getYear() + " ne donne aucune catégorie FFA pour cette course / A birth"
                    + " date in " + runner.birthDate().getYear() + " gives no FFA category for this race",
                    "birthDate"));
        }
        return Eligibility.check(race.kmEffort(), category, race.limits(), runner.health(), race.raceDay(),
                race.certificateAllowed());
    }
}
