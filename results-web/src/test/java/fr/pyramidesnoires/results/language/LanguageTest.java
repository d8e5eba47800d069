package fr.pyramidesnoires.results.language;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class LanguageTest {

    @Test
    void frenchUnlessTheSpectatorChoseEnglish() {
        assertEquals(Language.FR, Language.chosen(null, null));
        assertEquals(Language.EN, Language.chosen("en", null));
        assertEquals(Language.EN, Language.chosen(null, "en"), "remembered");
        assertEquals(Language.EN, Language.chosen(" EN ", null));
    }

    @Test
    void whatThePageAsksForWinsOverWhatWasRemembered() {
        assertEquals(Language.FR, Language.chosen("fr", "en"));
        assertEquals(Language.EN, Language.chosen("en", "fr"));
    }

    @Test
    void aLanguageThePagesAreNotWrittenInChangesNothing() {
        assertEquals(Language.EN, Language.chosen("de", "en"));
        assertEquals(Language.FR, Language.chosen("", "klingon"));
    }
}
