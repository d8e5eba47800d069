package fr.pyramidesnoires.matagent.reader;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class ChipIdRuleTest {

    @Test
    void aCodeAsPrintedLosesOnlyBlanksAndCase() {
        assertEquals("E28011606000020A", ChipIdRule.of("as-printed").chipId("  e28011606000020a\r"));
    }

    @Test
    void anEpcBecomesTheDigitsPrintedOnTheChip() {
        assertEquals("000123", ChipIdRule.of("last:6").chipId("E2801160600000000000123"));
        assertEquals("123", ChipIdRule.of("last:6").chipId("123"), "shorter than N: as it is");
        assertEquals("00A1B2", ChipIdRule.of("strip-prefix:e2801160600000").chipId("E280116060000000A1B2"));
        assertEquals("OTHER", ChipIdRule.of("strip-prefix:E280").chipId("other"), "no prefix: as it is");
        assertEquals("4660", ChipIdRule.of("hex-to-decimal").chipId("0x1234".substring(2)));
    }

    @Test
    void anUnknownRuleStopsTheStartWithTheRulesItKnows() {
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                () -> ChipIdRule.of("reverse"));
        assertEquals("Unknown chip id rule 'reverse': as-printed, last:N, strip-prefix:P or hex-to-decimal",
                refused.getMessage());
        assertThrows(IllegalArgumentException.class, () -> ChipIdRule.of("last:0"));
    }
}
