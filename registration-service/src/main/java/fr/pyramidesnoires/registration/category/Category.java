package fr.pyramidesnoires.registration.category;

import java.time.LocalDate;
import java.time.Month;

/**
 * FFA age categories. A runner's category for a season depends only on the birth year: age = season - birth
 * year, where the season runs 1 November to 31 October and is named after the year it ends in.
 */
public enum Category {
    BB("Baby Athlé", 0, 6),
    EA("École d'athlétisme", 7, 9),
    PO("Poussins", 10, 11),
    BE("Benjamins", 12, 13),
    MI("Minimes", 14, 15),
    CA("Cadets", 16, 17),
    JU("Juniors", 18, 19),
    ES("Espoirs", 20, 22),
    SE("Seniors", 23, 34),
    M0("Masters 0", 35, 39),
    M1("Masters 1", 40, 44),
    M2("Masters 2", 45, 49),
    M3("Masters 3", 50, 54),
    M4("Masters 4", 55, 59),
    M5("Masters 5", 60, 64),
    M6("Masters 6", 65, 69),
    M7("Masters 7", 70, 74),
    M8("Masters 8", 75, 79),
    M9("Masters 9", 80, 84),
    M10("Masters 10", 85, Integer.MAX_VALUE);

    private final String label;
    private final int minAge;
    private final int maxAge;

    Category(String label, int minAge, int maxAge) {
        this.label = label;
        this.minAge = minAge;
        this.maxAge = maxAge;
    }

    public String label() {
        return label;
    }

    /** The season a race day belongs to: a race on 15 November 2026 is in season 2027. */
    public static int season(LocalDate raceDay) {
        return raceDay.getMonthValue() >= Month.NOVEMBER.getValue() ? raceDay.getYear() + 1 : raceDay.getYear();
    }

    public static int age(int birthYear, int season) {
        return season - birthYear;
    }

    /**
     * @throws IllegalArgumentException for a birth year in or after the season's year, which no runner has
     */
    public static Category of(int birthYear, int season) {
        int age = age(birthYear, season);
        if (age < 1) {
            throw new IllegalArgumentException("birth year " + birthYear + " is not before season " + season);
        }
        for (Category category : values()) {
            if (age >= category.minAge && age <= category.maxAge) {
                return category;
            }
        }
        throw new IllegalStateException("no category for age " + age);
    }

    public static Category on(LocalDate birthDate, LocalDate raceDay) {
        return of(birthDate.getYear(), season(raceDay));
    }
}
