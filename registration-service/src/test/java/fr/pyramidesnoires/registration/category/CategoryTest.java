package fr.pyramidesnoires.registration.category;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CategoryTest {

    @ParameterizedTest(name = "race on {0} is in season {1}")
    @CsvSource({
            "2026-10-31, 2026",
            "2026-11-01, 2027",
            "2027-03-20, 2027",
            "2026-12-31, 2027",
            "2027-01-01, 2027"})
    void theSeasonRunsFromNovemberToOctoberAndIsNamedAfterItsEnd(LocalDate raceDay, int season) {
        assertEquals(season, Category.season(raceDay));
    }

    @ParameterizedTest(name = "age {0} is {1}")
    @CsvSource({
            "1, BB", "6, BB", "7, EA", "9, EA", "10, PO", "11, PO", "12, BE", "13, BE", "14, MI", "15, MI",
            "16, CA", "17, CA", "18, JU", "19, JU", "20, ES", "22, ES", "23, SE", "34, SE",
            "35, M0", "39, M0", "40, M1", "44, M1", "45, M2", "49, M2", "50, M3", "54, M3", "55, M4", "59, M4",
            "60, M5", "64, M5", "65, M6", "69, M6", "70, M7", "74, M7", "75, M8", "79, M8", "80, M9", "84, M9",
            "85, M10", "101, M10"})
    void everyAgeBandBoundary(int age, Category expected) {
        assertEquals(expected, Category.of(2027 - age, 2027));
    }

    @Test
    void onlyTheBirthYearCountsNotTheBirthday() {
        LocalDate raceDay = LocalDate.of(2027, 3, 20);

        assertEquals(Category.SE, Category.on(LocalDate.of(2004, 1, 1), raceDay));
        assertEquals(Category.SE, Category.on(LocalDate.of(2004, 12, 31), raceDay));
        assertEquals(Category.ES, Category.on(LocalDate.of(2005, 1, 1), raceDay));
    }

    @Test
    void aNovemberRaceAlreadyCountsForTheNextSeason() {
        // born 1992: 34 in season 2026 (Senior), 35 in season 2027 (Master 0)
        assertEquals(Category.SE, Category.on(LocalDate.of(1992, 6, 1), LocalDate.of(2026, 10, 31)));
        assertEquals(Category.M0, Category.on(LocalDate.of(1992, 6, 1), LocalDate.of(2026, 11, 1)));
    }

    @Test
    void aBirthYearNotBeforeTheSeasonHasNoCategory() {
        assertThrows(IllegalArgumentException.class, () -> Category.of(2027, 2027));
    }
}
