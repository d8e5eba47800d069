package fr.pyramidesnoires.registration.entryimport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.pyramidesnoires.events.EntryEvent;
import fr.pyramidesnoires.registration.entryimport.ColumnMapping.DateOrder;
import java.time.LocalDate;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class CellValuesTest {

    @ParameterizedTest
    @CsvSource({"F, F", "f, F", "Femme, F", "FEMALE, F", "W, F", "Woman, F", "H, H", "M, H", "Homme, H", "male, H",
            "Man, H", "X, X", "Non-binaire, X", "non-binary, X", "' F ', F", "Féminin, F", "MASCULIN, H", "NB, X"})
    void sexCodesAndWordsInFrenchAndEnglish(String cell, EntryEvent.Sex sex) {
        assertEquals(sex, CellValues.sex(cell));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "Z", "Fe", "Monsieur"})
    void anythingElseIsNoSex(String cell) {
        assertTrue(assertThrows(IllegalArgumentException.class, () -> CellValues.sex(cell)).getMessage()
                .contains("Female"));
    }

    @ParameterizedTest
    @CsvSource({"03/04/1990, DAY_MONTH_YEAR, 1990-04-03", "03/04/1990, MONTH_DAY_YEAR, 1990-03-04",
            "3/4/1990, DAY_MONTH_YEAR, 1990-04-03", "12/25/1983, MONTH_DAY_YEAR, 1983-12-25",
            "25.12.1983, DAY_MONTH_YEAR, 1983-12-25", "1990-04-03, DAY_MONTH_YEAR, 1990-04-03",
            "1990-04-03, MONTH_DAY_YEAR, 1990-04-03", "1990-4-3, MONTH_DAY_YEAR, 1990-04-03"})
    void datesInTheMappingsOrderOrIso(String cell, DateOrder order, LocalDate date) {
        assertEquals(date, CellValues.date(cell, order));
    }

    @ParameterizedTest
    @CsvSource({"12/25/1983, DAY_MONTH_YEAR, dd/mm/yyyy", "31/02/1990, DAY_MONTH_YEAR, dd/mm/yyyy",
            "25/12/1983, MONTH_DAY_YEAR, mm/dd/yyyy", "1983, DAY_MONTH_YEAR, dd/mm/yyyy",
            "25/12/83, DAY_MONTH_YEAR, dd/mm/yyyy", "14 mai 1990, DAY_MONTH_YEAR, dd/mm/yyyy"})
    void aDateThatIsNoneSaysTheFormsExpected(String cell, DateOrder order, String expected) {
        String message = assertThrows(IllegalArgumentException.class, () -> CellValues.date(cell, order))
                .getMessage();
        assertTrue(message.contains(expected) && message.contains(cell), message);
    }

    @ParameterizedTest
    @CsvSource({"FRA, FRA", "fra, FRA", "FR, FRA", "us, USA", "BE, BEL", "XYZ, XYZ"})
    void threeLetterCodesAsTheyAreAndTwoLetterCodesMadeThree(String cell, String code) {
        // a three-letter code that is no country is left to the entry's own check, which names the field
        assertEquals(code, CellValues.nationality(cell));
    }

    @ParameterizedTest
    @CsvSource({"oui, true", "Yes, true", "1, true", "O, true", "non, false", "No, false", "0, false",
            "FALSE, false"})
    void publicationConsentInFrenchOrEnglish(String cell, boolean yes) {
        assertEquals(yes, CellValues.yesNo(cell));
    }

    @ParameterizedTest
    @ValueSource(strings = {"peut-être", "2"})
    void anyOtherAnswerIsRefused(String cell) {
        assertThrows(IllegalArgumentException.class, () -> CellValues.yesNo(cell));
    }

    @ParameterizedTest
    @ValueSource(strings = {"12a", "1.5", "99999999999"})
    void aBibIsAWholeNumber(String cell) {
        assertThrows(IllegalArgumentException.class, () -> CellValues.bib(cell));
    }
}
