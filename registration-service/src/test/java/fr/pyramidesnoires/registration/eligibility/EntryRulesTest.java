package fr.pyramidesnoires.registration.eligibility;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.pyramidesnoires.registration.category.CategoryRule;
import fr.pyramidesnoires.registration.eligibility.Eligibility.Health;
import fr.pyramidesnoires.registration.eligibility.EntryRules.Proof;
import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class EntryRulesTest {

    static final LocalDate RACE_DAY = LocalDate.of(2027, 3, 20);
    static final Health NO_PROOF = new Health(null, null, null, false);
    static final Health LICENSED = new Health("1234567", null, null, false);
    /** 130 km-effort: an ultra. */
    static final EntryRules.RaceTerms ULTRA = new EntryRules.RaceTerms(RACE_DAY, 130, Map.of(), false);
    static final LocalDate ADULT = LocalDate.of(1985, 6, 1);
    /** A Cadet (16) in season 2027. */
    static final LocalDate CADET = LocalDate.of(2011, 1, 1);

    static EntryRules rules(Proof proof, Integer minimumAge) {
        return new EntryRules(proof, CategoryRule.of("age-groups:10"),
                minimumAge == null ? OptionalInt.empty() : OptionalInt.of(minimumAge));
    }

    static String rule(EntryRules rules, LocalDate birthDate, Health health, boolean waiverAccepted) {
        return rules.check(new EntryRules.Runner(birthDate, health, waiverAccepted), ULTRA)
                .map(Eligibility.Refusal::rule).orElse("ok");
    }

    @Test
    void ffaKeepsTheFederationsRulesExactly() {
        assertEquals("health-proof", rule(EntryRules.FFA, ADULT, NO_PROOF, true));
        assertEquals("ok", rule(EntryRules.FFA, ADULT, LICENSED, false));
        assertEquals("km-effort-limit", rule(EntryRules.FFA, CADET, LICENSED, false));
        assertEquals(Optional.of("M0"), EntryRules.FFA.category(LocalDate.of(1990, 5, 14), RACE_DAY));
    }

    @Test
    void ffaJudgesYoungRunnersByTheirFfaCategoryWhateverCategoriesTheEventShows() {
        EntryRules ffaWithAgeGroups = rules(Proof.FFA, null);
        assertEquals(Optional.of("-19"), ffaWithAgeGroups.category(CADET, RACE_DAY));
        assertEquals("km-effort-limit", rule(ffaWithAgeGroups, CADET, LICENSED, false));
        Eligibility.Refusal unborn = ffaWithAgeGroups.check(new EntryRules.Runner(LocalDate.of(2027, 1, 1),
                LICENSED, false), ULTRA).orElseThrow();
        assertEquals("birth-date", unborn.rule());
        assertEquals("birthDate", unborn.field());
    }

    @Test
    void noneAsksNoHealthProofAndHasNoKmEffortOrUltraAgeRule() {
        EntryRules none = rules(Proof.NONE, null);
        assertEquals("ok", rule(none, ADULT, NO_PROOF, false));
        assertEquals("ok", rule(none, CADET, NO_PROOF, false));
    }

    @Test
    void waiverNeedsTheRunnerToAcceptItAndNamesTheField() {
        EntryRules waiver = rules(Proof.WAIVER, null);
        assertEquals("ok", rule(waiver, ADULT, NO_PROOF, true));
        Eligibility.Refusal refusal = waiver.check(new EntryRules.Runner(ADULT, NO_PROOF, false), ULTRA).orElseThrow();
        assertEquals("waiver-not-accepted", refusal.rule());
        assertEquals("waiverAccepted", refusal.field());
        assertTrue(refusal.reason().contains(" / Accept the event's waiver"), refusal.reason());
    }

    @ParameterizedTest
    @EnumSource(Proof.class)
    void aMinimumAgeHoldsOnRaceDayUnderEveryRule(Proof proof) {
        EntryRules eighteen = rules(proof, 18);
        Health health = proof == Proof.FFA ? LICENSED : NO_PROOF;
        assertEquals("minimum-age", rule(eighteen, RACE_DAY.minusYears(18).plusDays(1), health, true));
        // eighteen on race day itself is old enough; an FFA Junior still runs no ultra
        String onTheDay = rule(eighteen, RACE_DAY.minusYears(18), health, true);
        assertEquals(proof == Proof.FFA ? "km-effort-limit" : "ok", onTheDay);
    }

    @Test
    void theSettingsAreReadInAnyCaseAndABadOneIsRefusedSayingWhatIsAccepted() {
        assertEquals(Proof.WAIVER, Proof.of(" Waiver "));
        assertEquals(Proof.NONE, Proof.of("none"));
        assertEquals(Proof.FFA, Proof.of("FFA"));
        assertEquals("EVENT_ELIGIBILITY is ffa, none or waiver, not 'usatf'",
                assertThrows(IllegalArgumentException.class, () -> Proof.of("usatf")).getMessage());
        assertEquals("EVENT_MINIMUM_AGE is an age in years from 0 to 120, not -1",
                assertThrows(IllegalArgumentException.class, () -> rules(Proof.NONE, -1)).getMessage());
    }
}
