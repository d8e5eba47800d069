package fr.pyramidesnoires.registration.category;

import java.time.LocalDate;
import java.time.Period;
import java.util.List;
import java.util.Optional;

/**
 * Age groups by the runner's age on race day, in completed years (a runner whose birthday is on race day is
 * already the older age), as road and trail events outside the FFA rank them.
 *
 * <p>Either groups of one width from 20 ({@code age-groups:10}: "-19", "20-29", "30-39", ... with no last group,
 * so a runner of 93 is "90-99"), or the organiser's own lower bounds ({@code age-groups:0,18,30,40}: "-17",
 * "18-29", "30-39", "40+"). With bounds whose first is above 0, a younger runner has no group, and so no entry.
 *
 * @param bounds the lower bound of each group, rising; empty for groups of {@code width} years from 20
 */
public record AgeGroups(List<Integer> bounds, int width) implements CategoryRule {

    static final String SETTING = "EVENT_CATEGORIES is ffa, age-groups:N (groups N years wide from 20, under 20"
            + " together, e.g. age-groups:10) or age-groups:B1,B2,... (each group's lowest age, rising, e.g."
            + " age-groups:0,18,30,40,50,60,70)";
    /** The first group of a width holds every runner under this age. */
    static final int FIRST_BOUND = 20;

    public AgeGroups {
        bounds = List.copyOf(bounds);
    }

    static AgeGroups wide(int years) {
        if (years < 1 || years > 50) {
            throw new IllegalArgumentException(SETTING + ": a width of " + years + " years is not from 1 to 50");
        }
        return new AgeGroups(List.of(), years);
    }

    static AgeGroups from(List<Integer> bounds) {
        for (int i = 0; i < bounds.size(); i++) {
            if (bounds.get(i) < 0 || bounds.get(i) > 120) {
                throw new IllegalArgumentException(SETTING + ": an age of " + bounds.get(i) + " is not from 0 to 120");
            }
            if (i > 0 && bounds.get(i) <= bounds.get(i - 1)) {
                throw new IllegalArgumentException(SETTING + ": " + bounds.get(i) + " comes after "
                        + bounds.get(i - 1) + ", the bounds must rise");
            }
        }
        return new AgeGroups(bounds, 0);
    }

    /** Completed years on race day; negative for a birth date after it. */
    public static int age(LocalDate birthDate, LocalDate raceDay) {
        return birthDate.isAfter(raceDay) ? -1 : Period.between(birthDate, raceDay).getYears();
    }

    @Override
    public Optional<String> on(LocalDate birthDate, LocalDate raceDay) {
        int age = age(birthDate, raceDay);
        if (age < 0) {
            return Optional.empty();
        }
        if (bounds.isEmpty()) {
            if (age < FIRST_BOUND) {
                return Optional.of("-" + (FIRST_BOUND - 1));
            }
            int lowest = FIRST_BOUND + (age - FIRST_BOUND) / width * width;
            return Optional.of(range(lowest, lowest + width - 1));
        }
        for (int i = bounds.size() - 1; i >= 0; i--) {
            if (age >= bounds.get(i)) {
                return Optional.of(i == bounds.size() - 1 ? bounds.get(i) + "+"
                        : bounds.get(i) == 0 ? "-" + (bounds.get(1) - 1)
                        : range(bounds.get(i), bounds.get(i + 1) - 1));
            }
        }
        return Optional.empty();
    }

    private static String range(int lowest, int highest) {
        return lowest == highest ? String.valueOf(lowest) : lowest + "-" + highest;
    }
}
