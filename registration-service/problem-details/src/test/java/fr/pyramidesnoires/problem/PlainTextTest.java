package fr.pyramidesnoires.problem;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class PlainTextTest {

    @ParameterizedTest
    @ValueSource(strings = {"Zoë-Anaïs", "D'Artagnan O’Neil", "Müller-Lüdenscheidt", "Ærøskøbing IF", "Łódź",
            "Δημήτρης", "Иван", "李小龙", "محمد", "नरेन्द्र", "Jean\u00A0Paul", "AC Oignies (62)", "+33 6 12 34 56 78",
            "lea@example.org", "فاطمه\u200Cزهرا", "क्\u200Dष", ""})
    void namesAsPeopleWriteThemPass(String text) {
        assertTrue(PlainText.Check.isPlain(text), text);
    }

    static Stream<Arguments> hidden() {
        return Stream.of(
                Arguments.of("Du\u0000pont", 0x0000), Arguments.of("Du\u001B[31mpont", 0x001B),
                Arguments.of("Du\bpont", 0x0008), Arguments.of("Du\tpont", 0x0009), Arguments.of("Du\npont", 0x000A),
                Arguments.of("Du\u007Fpont", 0x007F), Arguments.of("Du\u0085pont", 0x0085),
                Arguments.of("Du\u009Bpont", 0x009B), Arguments.of("\u202EDupont", 0x202E),
                Arguments.of("Du\u2066pont", 0x2066), Arguments.of("Du\u200Bpont", 0x200B),
                Arguments.of("Du\u200Epont", 0x200E), Arguments.of("\uFEFFDupont", 0xFEFF),
                Arguments.of("Du\u2028pont", 0x2028), Arguments.of("Du\uE000pont", 0xE000),
                Arguments.of("Du\uD800pont", 0xD800),
                // the joiners only hide a difference between Latin letters, at an end or beside a space
                Arguments.of("Lé\u200Ca", 0x200C), Arguments.of("Léa\u200D", 0x200D),
                Arguments.of("\u200Cمحمد", 0x200C), Arguments.of("محمد \u200Cعلی", 0x200C));
    }

    @ParameterizedTest
    @MethodSource("hidden")
    void charactersNotShownAsThemselvesAreFound(String text, int codePoint) {
        assertEquals(Optional.of(codePoint), PlainText.Check.firstRefused(text));
    }
}
