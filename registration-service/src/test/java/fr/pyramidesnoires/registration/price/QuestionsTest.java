package fr.pyramidesnoires.registration.price;

import static fr.pyramidesnoires.registration.price.SampleTerms.TERMS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class QuestionsTest {

    static Map<String, String> answers(String bus, String start, String club) {
        Map<String, String> answers = new HashMap<>();
        answers.put("bus", bus);
        answers.put("start", start);
        if (club != null) {
            answers.put("club", club);
        }
        return answers;
    }

    static PriceRefused refused(Map<String, String> answers) {
        return assertThrows(PriceRefused.class, () -> TERMS.answers(answers));
    }

    @Test
    void answersAreKeptInTheQuestionsOrderAsTheOrganiserWroteThem() {
        Map<String, String> kept = TERMS.answers(answers("Oui", " loisir / leisure ", "  AC Lens  "));
        assertEquals(List.of("bus", "start", "club"), List.copyOf(kept.keySet()));
        assertEquals("yes", kept.get("bus"));
        assertEquals("Loisir / Leisure", kept.get("start"));
        assertEquals("AC Lens", kept.get("club"));
    }

    @ParameterizedTest(name = "{0} is {1}")
    @CsvSource({"oui, yes", "YES, yes", "true, yes", " Yes , yes", "non, no", "No, no", "FALSE, no"})
    void aYesNoAnswerIsYesOrNo(String given, String kept) {
        assertEquals(kept, TERMS.answers(answers(given, "Élite / Elite", null)).get("bus"));
    }

    @Test
    void aYesNoQuestionTakesNothingElse() {
        PriceRefused refused = refused(answers("peut-être", "Élite / Elite", null));
        assertEquals("yes-or-no", refused.rule());
        assertEquals("answers.bus", refused.field());
        assertEquals("Répondez oui ou non à « Prendrez-vous la navette ? / Will you take the shuttle? » / Answer yes"
                + " or no to \"Prendrez-vous la navette ? / Will you take the shuttle?\"", refused.reason());
    }

    @Test
    void aChoiceIsOneOfTheChoices() {
        PriceRefused refused = refused(answers("non", "VIP", null));
        assertEquals("unknown-choice", refused.rule());
        assertEquals("answers.start", refused.field());
        assertEquals("Pour « Sas de départ / Start pen », choisissez Élite / Elite, Loisir / Leisure / For \"Sas de"
                + " départ / Start pen\", choose one of Élite / Elite, Loisir / Leisure", refused.reason());
    }

    @Test
    void aRequiredQuestionIsAnsweredAndAnOtherMayNotBe() {
        for (String blank : new String[] {null, "", "   "}) {
            PriceRefused refused = refused(answers("oui", blank, null));
            assertEquals("answer-required", refused.rule());
            assertEquals("answers.start", refused.field());
        }
        assertEquals("answer-required", refused(Map.of()).rule());
        assertEquals(List.of("bus", "start"),
                List.copyOf(TERMS.answers(answers("non", "Élite / Elite", "  ")).keySet()));
    }

    @Test
    void aTextIsAtMostFiveHundredCharactersOnceStripped() {
        String longest = "x".repeat(500);
        assertEquals(longest, TERMS.answers(answers("oui", "Élite / Elite", "  " + longest + "\n")).get("club"));
        PriceRefused refused = refused(answers("oui", "Élite / Elite", longest + "y"));
        assertEquals("answer-too-long", refused.rule());
        assertEquals("answers.club", refused.field());
    }

    @Test
    void anAnswerToAQuestionTheRaceDoesNotAskIsRefused() {
        Map<String, String> answers = answers("oui", "Élite / Elite", null);
        answers.put("tshirt", "M");
        PriceRefused refused = refused(answers);
        assertEquals("unknown-question", refused.rule());
        assertEquals("answers.tshirt", refused.field());
        assertEquals("unknown-question", assertThrows(PriceRefused.class,
                () -> PaymentTerms.NONE.answers(Map.of("bus", "oui"))).rule());
        assertEquals(Map.of(), PaymentTerms.NONE.answers(Map.of()));
    }
}
