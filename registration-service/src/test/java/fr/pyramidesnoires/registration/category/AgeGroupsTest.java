package fr.pyramidesnoires.registration.category;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class AgeGroupsTest {

    static final LocalDate RACE_DAY = LocalDate.of(2027, 6, 12);

    /** A runner born this many years before race day, to the day, plus the given days later. */
    static LocalDate born(int yearsBefore, int daysLater) {
        return RACE_DAY.minusYears(yearsBefore).plusDays(daysLater);
    }

    static String category(String setting, LocalDate birthDate) {
        return CategoryRule.of(setting).on(birthDate, RACE_DAY).orElse("none");
    }

    @ParameterizedTest(name = "age-groups:10, {0} years: {1}")
    @CsvSource({"5, -19", "19, -19", "20, 20-29", "29, 20-29", "30, 30-39", "40, 40-49", "49, 40-49",
            "70, 70-79", "93, 90-99", "104, 100-109"})
    void tenYearGroupsFromTwentyWithTheYoungerTogether(int age, String expected) {
        assertEquals(expected, category("age-groups:10", born(age, 0)));
    }

    @Test
    void theAgeIsInCompletedYearsOnRaceDaySoABirthdayOnRaceDayCounts() {
        assertEquals("40-49", category("age-groups:10", born(40, 0)), "40 on race day");
        assertEquals("30-39", category("age-groups:10", born(40, 1)), "40 the day after the race");
        assertEquals("30-39", category("age-groups:10", born(30, 0)));
        assertEquals("20-29", category("age-groups:10", born(30, 1)));
    }

    @Test
    void aRunnerBornOnTheTwentyNinthOfFebruaryIsOlderFromTheFirstOfMarch() {
        LocalDate leap = LocalDate.of(1988, 2, 29);
        assertEquals(38, AgeGroups.age(leap, LocalDate.of(2027, 2, 28)));
        assertEquals(39, AgeGroups.age(leap, LocalDate.of(2027, 3, 1)));
    }

    @ParameterizedTest(name = "age-groups:5, {0} years: {1}")
    @CsvSource({"19, -19", "20, 20-24", "24, 20-24", "25, 25-29", "62, 60-64"})
    void anyWidthMayBeChosen(int age, String expected) {
        assertEquals(expected, category("age-groups:5", born(age, 0)));
    }

    @ParameterizedTest(name = "age-groups:0,18,30,40,50,60,70, {0} years: {1}")
    @CsvSource({"0, -17", "17, -17", "18, 18-29", "29, 18-29", "30, 30-39", "69, 60-69", "70, 70+", "95, 70+"})
    void theOrganisersOwnBoundsGiveEachGroupsLowestAge(int age, String expected) {
        assertEquals(expected, category("age-groups:0,18,30,40,50,60,70", born(age, 0)));
    }

    @Test
    void belowTheFirstBoundARunnerHasNoGroup() {
        assertEquals("none", category("age-groups:16, 21,40", born(15, 0)));
        assertEquals("16-20", category("age-groups:16, 21,40", born(16, 0)));
        assertEquals("21-39", category("age-groups:16, 21,40", born(21, 0)));
        assertEquals("none", category("age-groups:10", RACE_DAY.plusDays(1)), "born after race day");
    }

    @Test
    void aGroupOfOneYearIsNamedByThatYear() {
        assertEquals("18", category("age-groups:0,18,19", born(18, 0)));
        assertEquals("19+", category("age-groups:0,18,19", born(19, 0)));
    }

    @Test
    void ffaGivesTheFederationsCategoryCodeBySeason() {
        LocalDate raceDay = LocalDate.of(2027, 3, 20);
        assertEquals(Optional.of("M0"), CategoryRule.of("ffa").on(LocalDate.of(1990, 5, 14), raceDay));
        assertEquals(Optional.of("JU"), CategoryRule.of(" FFA ").on(LocalDate.of(2008, 12, 31), raceDay));
        assertEquals(Optional.empty(), CategoryRule.of("ffa").on(LocalDate.of(2027, 1, 1), raceDay));
    }

    @ParameterizedTest(name = "''{0}'' is refused")
    @ValueSource(strings = {"", "fffa", "age-groups", "age-groups:", "age-groups:ten", "age-groups:0", "age-groups:51",
            "age-groups:0,18,18", "age-groups:0,30,18", "age-groups:-5,18", "age-groups:0,18,130",
            "age-groups:0,,18", "groups:10"})
    void aBadSettingIsRefusedSayingWhatIsAccepted(String setting) {
        String message = assertThrows(IllegalArgumentException.class, () -> CategoryRule.of(setting)).getMessage();
        assertTrue(message.startsWith("EVENT_CATEGORIES is ffa, age-groups:N"), message);
    }

    @Test
    void aBadBoundIsNamed() {
        String message = assertThrows(IllegalArgumentException.class,
                () -> CategoryRule.of("age-groups:0,30,18")).getMessage();
        assertTrue(message.endsWith("18 comes after 30, the bounds must rise"), message);
    }
}
