package fr.pyramidesnoires.registration.price;

import static fr.pyramidesnoires.registration.price.SampleTerms.TERMS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class PaymentTermsFileTest {

    static String refusal(String json) {
        return assertThrows(IllegalArgumentException.class, () -> SampleTerms.read(json)).getMessage();
    }

    @Test
    void theSampleIsReadWithEveryField() {
        assertEquals(4, TERMS.prices().size());
        PriceTier early = TERMS.prices().get(0);
        assertEquals(OffsetDateTime.parse("2027-01-01T00:00:00+01:00").toInstant(), early.until().toInstant());
        assertEquals(0, new BigDecimal("80").compareTo(early.fee()));
        assertEquals("Tarif préférentiel / Early bird", early.name());
        assertEquals(List.of("JU", "ES", "U18"), TERMS.prices().get(3).categories());
        assertNull(TERMS.prices().get(2).until());
        Extra tshirt = TERMS.extras().get(2);
        assertEquals(List.of("XS", "S", "M", "L", "XL"), tshirt.sizes());
        assertEquals(200, tshirt.stock());
        assertEquals(3, tshirt.mostPerRunner());
        assertEquals(Extra.MAX_PER_RUNNER, TERMS.extras().get(0).mostPerRunner());
        assertTrue(TERMS.extras().get(3).donation());
        assertEquals(1, TERMS.extras().get(3).mostPerRunner());
        assertFalse(TERMS.extras().get(0).donation());
        assertEquals(Question.Type.YESNO, TERMS.questions().get(0).type());
        assertEquals(List.of("Élite / Elite", "Loisir / Leisure"), TERMS.questions().get(1).choices());
        assertFalse(TERMS.questions().get(2).required());
        assertEquals(List.of(new RefundStep(60, 100), new RefundStep(15, 50)), TERMS.refundPolicy());
        assertEquals(List.of(), TERMS.problems());
    }

    @Test
    void termsStoredAsJsonReadBackTheSame() throws Exception {
        ObjectMapper mapper = SampleTerms.mapper().disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
        JsonNode stored = mapper.readTree(mapper.writeValueAsString(TERMS));
        assertEquals(TERMS, PaymentTerms.read(mapper, stored));
        assertFalse(stored.path("prices").get(0).has("categories"), "nothing empty is stored");
        assertFalse(stored.path("extras").get(0).has("donation"));
        assertEquals(List.of("prices", "extras", "questions", "refundPolicy", "transferFee"),
                fieldNames(stored));
        assertEquals("{}", mapper.writeValueAsString(PaymentTerms.NONE));
        assertEquals(PaymentTerms.NONE, SampleTerms.read("{}"));
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    @Test
    void aFieldTheTermsDoNotHaveIsRefusedWhereItIsEvenByALenientMapper() {
        assertEquals("payment.extras[1] has an unknown field stok: it takes code, donation, maxPerRunner, name,"
                + " price, sizes, stock", refusal("""
                {"extras": [{"code": "meal", "name": "Repas / Meal", "price": 12},
                            {"code": "bus", "name": "Navette / Shuttle", "price": 5, "stok": 50}]}"""));
        assertTrue(refusal("{\"refund\": []}").startsWith("payment has an unknown field refund: it takes "));
    }

    @Test
    void aValueOfTheWrongKindIsRefusedNamingItsField() {
        assertTrue(refusal("{\"questions\": [{\"code\": \"q\", \"label\": \"Q\", \"type\": \"number\"}]}")
                .startsWith("payment.questions[0].type cannot be read: "));
        assertTrue(refusal("{\"prices\": [{\"until\": \"next spring\", \"fee\": 80}]}")
                .startsWith("payment.prices[0].until cannot be read: "));
        assertTrue(refusal("{\"prices\": [{\"fee\": \"eighty\"}]}").startsWith("payment.prices[0].fee cannot be"
                + " read: "));
    }

    @Test
    void everyProblemOfPricesIsNamed() {
        assertEquals("payment.prices[0].fee is missing: give the price, such as 80 or 12.50; payment.prices[1].fee"
                + " is -5: an amount is 0 or more; payment.prices[2].fee is 12.505: an amount is to the cent, such"
                + " as 12.50; payment.prices[3].categories[1] is blank; payment.prices[4] is empty: a price gives"
                + " its fee", refusal("""
                {"prices": [{"until": "2027-01-01T00:00:00+01:00"},
                            {"until": "2027-02-01T00:00:00+01:00", "fee": -5},
                            {"until": "2027-03-01T00:00:00+01:00", "fee": 12.505},
                            {"categories": ["JU", " "], "fee": 60},
                            null]}"""));
    }

    @Test
    void twoPricesForTheSameRunnersEndingTogetherAreRefused() {
        assertEquals("payment.prices[2].until: prices[0] is for the same runners and ends at the same instant, so"
                + " which applies would be a guess", refusal("""
                {"prices": [{"until": "2027-01-01T00:00:00+01:00", "fee": 80},
                            {"fee": 110},
                            {"until": "2026-12-31T23:00:00Z", "fee": 85}]}"""));
        assertEquals("payment.prices[1].until: prices[0] is for the same runners and ends never either, so which"
                + " applies would be a guess", refusal("{\"prices\": [{\"fee\": 110}, {\"fee\": 100}]}"));
        assertEquals("payment.prices[1].until: prices[0] is for the same runners and ends never either, so which"
                + " applies would be a guess", refusal("""
                {"prices": [{"categories": ["JU", "ES"], "fee": 60}, {"categories": ["ES"], "fee": 50}]}"""));
        assertEquals(List.of(), SampleTerms.read("""
                {"prices": [{"categories": ["JU"], "fee": 60}, {"categories": ["ES"], "fee": 50},
                            {"fee": 110}]}""").problems());
    }

    @Test
    void everyProblemOfExtrasIsNamed() {
        assertEquals("payment.extras[0].name is missing: what the runner reads, French then English;"
                + " payment.extras[1].code: meal is the code of extras[0] too; payment.extras[1].price is missing:"
                + " give the price of one, such as 12 or 4.50; payment.extras[2].code is missing;"
                + " payment.extras[2].stock is -1: give 0 or more, or leave it out for no limit;"
                + " payment.extras[2].maxPerRunner is 0: give 1 or more; payment.extras[2].sizes[1] is blank;"
                + " payment.extras[2].sizes[2]: M is given twice; payment.extras[3]: a donation has no price, stock,"
                + " sizes or maxPerRunner, the runner gives one amount", refusal("""
                {"extras": [{"code": "meal", "price": 12},
                            {"code": "meal", "name": "Repas / Meal"},
                            {"name": "T-shirt", "price": 20, "stock": -1, "maxPerRunner": 0,
                             "sizes": ["M", "", "M"]},
                            {"code": "don", "name": "Don / Donation", "donation": true, "price": 10}]}"""));
    }

    @Test
    void everyProblemOfQuestionsIsNamed() {
        assertEquals("payment.questions[0].choices is missing: a choice question lists its answers;"
                + " payment.questions[1].code: start is the code of questions[0] too; payment.questions[1].choices:"
                + " only a choice question has choices; payment.questions[2].label is missing: what the runner"
                + " reads, French then English; payment.questions[2].type is missing: text, choice or yesno;"
                + " payment.questions[3].choices[1]: A is given twice", refusal("""
                {"questions": [{"code": "start", "label": "Sas / Pen", "type": "choice"},
                               {"code": "start", "label": "Bus", "type": "yesno", "choices": ["oui"]},
                               {"code": "club"},
                               {"code": "pen", "label": "Sas / Pen", "type": "choice", "choices": ["A", "A"]}]}"""));
    }

    @Test
    void refundStepsGoFromTheLargestDaysBeforeDownWithSharesOfAHundredAtMost() {
        assertEquals("payment.refundPolicy[1].percent is 120: give 0 to 100; payment.refundPolicy[2].daysBefore"
                + " is 30, not fewer than the 15 of refundPolicy[1]: give the steps from the largest daysBefore"
                + " down; payment.refundPolicy[3].daysBefore is -1: give days before race day, 0 or more;"
                + " payment.refundPolicy[3].percent is -10: give 0 to 100", refusal("""
                {"refundPolicy": [{"daysBefore": 60, "percent": 100}, {"daysBefore": 15, "percent": 120},
                                  {"daysBefore": 30, "percent": 50}, {"daysBefore": -1, "percent": -10}]}"""));
        assertEquals("payment.refundPolicy[1].daysBefore is 60, not fewer than the 60 of refundPolicy[0]: give the"
                + " steps from the largest daysBefore down", refusal("""
                {"refundPolicy": [{"daysBefore": 60, "percent": 100}, {"daysBefore": 60, "percent": 50}]}"""));
    }

    @Test
    void theTransferFeeIsAnAmountToTheCent() {
        assertEquals("payment.transferFee is 2.999: an amount is to the cent, such as 12.50",
                refusal("{\"transferFee\": 2.999}"));
        assertEquals("payment.transferFee is -1: an amount is 0 or more", refusal("{\"transferFee\": -1}"));
    }
}
