package fr.pyramidesnoires.results.edition;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import fr.pyramidesnoires.events.EntryEvent.Sex;
import org.junit.jupiter.api.Test;

class SameRunnerTest {

    @Test
    void accentsCaseHyphensApostrophesAndSpacesAreSetAside() {
        String key = SameRunner.key("Lefèbvre", "Jean-Marc", Sex.H);

        assertEquals(key, SameRunner.key("LEFEBVRE", "jean marc", Sex.H));
        assertEquals(key, SameRunner.key("  Lefebvre ", "Jean  -  Marc", Sex.H));
        assertEquals(SameRunner.key("D'Hondt", "Zoé", Sex.F), SameRunner.key("D HONDT", "Zoe", Sex.F));
        assertEquals(SameRunner.key("Cœur", "Anne", Sex.F), SameRunner.key("Coeur", "Anne", Sex.F));
    }

    @Test
    void anotherSexOrAnotherNameIsAnotherRunner() {
        String key = SameRunner.key("Roux", "Camille", Sex.F);

        assertNotEquals(key, SameRunner.key("Roux", "Camille", Sex.H));
        assertNotEquals(key, SameRunner.key("Roux", "Camilla", Sex.F));
        assertNotEquals(key, SameRunner.key("Leroux", "Camille", Sex.F));
    }

    @Test
    void aWithheldNameMatchesNobody() {
        assertNull(SameRunner.key(null, null, Sex.F));
        assertNull(SameRunner.key(" ", "Anne", Sex.F));
        assertNull(SameRunner.key("Roux", "Anne", null));
    }
}
