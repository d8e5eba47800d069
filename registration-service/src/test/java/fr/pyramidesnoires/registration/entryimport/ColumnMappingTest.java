package fr.pyramidesnoires.registration.entryimport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.pyramidesnoires.registration.entryimport.ColumnMapping.DateOrder;
import fr.pyramidesnoires.registration.entryimport.ColumnMapping.Field;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ColumnMappingTest {

    private static final String REQUIRED = "firstName:Prénom,lastName:Nom,sex:Sexe,birthDate:Né le,email:Courriel";

    @Test
    void theOrganisersMappingNamesFieldsByTheirApiNames() {
        ColumnMapping mapping = ColumnMapping.of(REQUIRED + ", club : Club: section,bib:N°", "monclub",
                DateOrder.MONTH_DAY_YEAR);
        assertEquals(Map.of(Field.FIRST_NAME, "Prénom", Field.LAST_NAME, "Nom", Field.SEX, "Sexe",
                Field.BIRTH_DATE, "Né le", Field.EMAIL, "Courriel", Field.CLUB, "Club: section", Field.BIB, "N°"),
                mapping.columns());
        assertEquals("monclub", mapping.source());
        assertEquals(DateOrder.MONTH_DAY_YEAR, mapping.dates());
    }

    @ParameterizedTest
    @ValueSource(strings = {REQUIRED + ",age:Age", REQUIRED + ",club", REQUIRED + ",club:", REQUIRED + ",club:A,club:B",
            "firstName:Prénom,lastName:Nom,sex:Sexe,birthDate:Né le", "bib:Dossard"})
    void anUnknownFieldAPairWithoutHeaderAFieldTwiceOrARequiredFieldMissingIsRefused(String mapping) {
        assertThrows(IllegalArgumentException.class, () -> ColumnMapping.of(mapping, "x", DateOrder.DAY_MONTH_YEAR));
    }

    @Test
    void theRefusalNamesWhatIsMissing() {
        String message = assertThrows(IllegalArgumentException.class, () -> ColumnMapping.of(
                "firstName:Prénom,lastName:Nom,sex:Sexe", "x", DateOrder.DAY_MONTH_YEAR)).getMessage();
        assertTrue(message.contains("[birthDate, email]"), message);
    }

    @Test
    void builtInMappingsHaveEveryRequiredFieldAndTheirPlatformsDateOrder() {
        for (String format : new String[] {"njuko", "UltraSignup", "runsignup"}) {
            ColumnMapping mapping = ColumnMapping.builtIn(format).orElseThrow();
            assertTrue(mapping.columns().keySet().containsAll(ColumnMapping.REQUIRED), format);
            assertEquals(format.toLowerCase(), mapping.source());
        }
        assertEquals(DateOrder.DAY_MONTH_YEAR, ColumnMapping.builtIn("njuko").orElseThrow().dates());
        assertEquals(DateOrder.MONTH_DAY_YEAR, ColumnMapping.builtIn("ultrasignup").orElseThrow().dates());
        assertTrue(ColumnMapping.builtIn("eventbrite").isEmpty());
    }
}
