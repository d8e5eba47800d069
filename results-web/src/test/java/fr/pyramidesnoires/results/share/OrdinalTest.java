package fr.pyramidesnoires.results.share;

import static org.junit.jupiter.api.Assertions.assertEquals;

import fr.pyramidesnoires.results.language.Language;
import org.junit.jupiter.api.Test;

class OrdinalTest {

    @Test
    void frenchSaysPremierThenDeuxieme() {
        assertEquals("1er", Ordinal.of(1, Language.FR));
        assertEquals("2e", Ordinal.of(2, Language.FR));
        assertEquals("21e", Ordinal.of(21, Language.FR));
    }

    @Test
    void englishTakesTheSuffixOfItsLastDigitExceptTheTeens() {
        assertEquals("1st", Ordinal.of(1, Language.EN));
        assertEquals("2nd", Ordinal.of(2, Language.EN));
        assertEquals("3rd", Ordinal.of(3, Language.EN));
        assertEquals("4th", Ordinal.of(4, Language.EN));
        assertEquals("11th", Ordinal.of(11, Language.EN));
        assertEquals("12th", Ordinal.of(12, Language.EN));
        assertEquals("13th", Ordinal.of(13, Language.EN));
        assertEquals("21st", Ordinal.of(21, Language.EN));
        assertEquals("102nd", Ordinal.of(102, Language.EN));
        assertEquals("111th", Ordinal.of(111, Language.EN));
    }
}
