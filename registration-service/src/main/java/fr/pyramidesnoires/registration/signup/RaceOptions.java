package fr.pyramidesnoires.registration.signup;

import fr.pyramidesnoires.registration.event.EventSettings;
import fr.pyramidesnoires.registration.payment.EntryPrices;
import fr.pyramidesnoires.registration.price.Extra;
import fr.pyramidesnoires.registration.price.PaymentTerms;
import fr.pyramidesnoires.registration.price.Question;
import fr.pyramidesnoires.registration.race.Race;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * A race's own questions and extras as the form shows them, with what the runner typed and the reason a field was
 * refused; a race with neither has none.
 */
public record RaceOptions(String raceCode, String raceName, List<QuestionField> questions, List<ExtraField> extras) {

    /**
     * @param type    text, choice or yesno
     * @param value   as typed; yes/no questions keep oui or non
     */
    public record QuestionField(String name, String label, String type, List<String> choices, boolean required,
                                String value, String error) {
    }

    /**
     * @param left     how many the organiser still has; null without a stock limit
     * @param donation the runner gives an amount, typed in the amount field; else a quantity, and a size if it has
     */
    public record ExtraField(String name, String label, String priceFr, String priceEn, List<String> sizes,
                             int most, Integer left, boolean donation, String quantity, String size, String amount,
                             String error) {

        public boolean soldOut() {
            return left != null && left == 0;
        }

        public String quantityField() {
            return name + ".quantity";
        }

        public String sizeField() {
            return name + ".size";
        }

        public String amountField() {
            return name + ".amount";
        }
    }

    static List<RaceOptions> all(EventSettings event, EntryPrices prices, Map<String, String> typed,
                                 Map<String, String> errors) {
        return Race.<Race>listAll().stream()
                .sorted(Comparator.comparingDouble((Race race) -> race.distanceKm).reversed())
                .map(race -> of(race, race.paymentTerms(), event, prices, typed, errors))
                .filter(options -> !options.questions().isEmpty() || !options.extras().isEmpty())
                .toList();
    }

    private static RaceOptions of(Race race, PaymentTerms terms, EventSettings event, EntryPrices prices,
                                  Map<String, String> typed, Map<String, String> errors) {
        Map<String, Integer> taken = terms.extras().stream().anyMatch(extra -> extra.stock() != null)
                ? prices.extrasTaken(race.code) : Map.of();
        List<QuestionField> questions = terms.questions().stream().map(question -> {
            String name = RaceOrder.question(race.code, question.code());
            return new QuestionField(name, question.label(), type(question), question.choices(),
                    question.required(), typed.get(name), errors.get(name));
        }).toList();
        List<ExtraField> extras = terms.extras().stream().map(extra -> {
            String name = RaceOrder.extra(race.code, extra.code());
            String error = errors.getOrDefault(name + ".quantity",
                    errors.getOrDefault(name + ".size", errors.get(name + ".amount")));
            return new ExtraField(name, extra.name(), event.feeFr(extra.price()), event.feeEn(extra.price()),
                    extra.sizes(), extra.mostPerRunner(), extra.left(taken.getOrDefault(extra.code(), 0)),
                    extra.donation(), typed.get(name + ".quantity"), typed.get(name + ".size"),
                    typed.get(name + ".amount"), error);
        }).toList();
        return new RaceOptions(race.code, race.name, questions, extras);
    }

    private static String type(Question question) {
        return switch (question.type()) {
            case TEXT -> "text";
            case CHOICE -> "choice";
            case YESNO -> "yesno";
        };
    }
}
