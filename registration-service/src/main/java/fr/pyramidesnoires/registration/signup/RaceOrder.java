package fr.pyramidesnoires.registration.signup;

import fr.pyramidesnoires.registration.price.Cents;
import fr.pyramidesnoires.registration.price.Extra;
import fr.pyramidesnoires.registration.price.ExtraChoice;
import fr.pyramidesnoires.registration.price.PaymentTerms;
import fr.pyramidesnoires.registration.price.Question;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The chosen race's answers and extras as the form sent them. The form offers every race's questions and extras,
 * each field named after its race ({@code q.<race>.<question>}, {@code x.<race>.<extra>.quantity}, {@code .size},
 * {@code .amount} for a donation), so that it works without scripts; only the chosen race's are read, the others
 * belong to races the runner did not pick.
 *
 * @param extraFields for each extra of the request, in order, the start of its fields' names, so that a refusal
 *                    about extras[1] shows beside the right field
 */
record RaceOrder(String raceCode, List<ExtraChoice> extras, Map<String, String> answers, List<String> extraFields) {

    static final RaceOrder NONE = new RaceOrder(null, List.of(), Map.of(), List.of());

    private static final Pattern EXTRA_FIELD = Pattern.compile("extras\\[(\\d+)]\\.?(\\w*)");

    static String question(String race, String code) {
        return "q." + race + "." + code;
    }

    static String extra(String race, String code) {
        return "x." + race + "." + code;
    }

    /** Whether a field of the raw form is one of the races' questions or extras, kept to be shown again. */
    static boolean isOption(String field) {
        return field.startsWith("q.") || field.startsWith("x.");
    }

    /**
     * @param typed  the races' option fields as the browser sent them
     * @param errors where a value that cannot even be read (a quantity that is not a number) is named
     */
    static RaceOrder read(String raceCode, PaymentTerms terms, Map<String, String> typed, Map<String, String> errors) {
        Map<String, String> answers = new LinkedHashMap<>();
        for (Question question : terms.questions()) {
            String answer = typed.get(question(raceCode, question.code()));
            if (answer != null) {
                answers.put(question.code(), answer);
            }
        }
        List<ExtraChoice> extras = new ArrayList<>();
        List<String> fields = new ArrayList<>();
        for (Extra extra : terms.extras()) {
            String field = extra(raceCode, extra.code());
            ExtraChoice choice = extra.donation() ? donation(extra, field, typed, errors)
                    : ordered(extra, field, typed, errors);
            if (choice != null) {
                extras.add(choice);
                fields.add(field);
            }
        }
        return new RaceOrder(raceCode, List.copyOf(extras), answers, List.copyOf(fields));
    }

    /** An extra left at 0, or blank, is not ordered; its size alone orders nothing. */
    private static ExtraChoice ordered(Extra extra, String field, Map<String, String> typed,
                                       Map<String, String> errors) {
        String quantity = typed.getOrDefault(field + ".quantity", "").strip();
        if (quantity.isEmpty() || quantity.equals("0")) {
            return null;
        }
        if (!quantity.matches("[0-9]{1,3}")) {
            errors.put(field + ".quantity", extra.name() + " : une quantité de 0 à " + extra.mostPerRunner()
                    + " / " + extra.name() + ": a quantity from 0 to " + extra.mostPerRunner());
            return null;
        }
        String size = typed.get(field + ".size");
        return new ExtraChoice(extra.code(), size == null || size.isBlank() ? null : size,
                Integer.parseInt(quantity), null);
    }

    /** A donation is an amount in the event's currency, with a comma or a point before its cents. */
    private static ExtraChoice donation(Extra extra, String field, Map<String, String> typed,
                                        Map<String, String> errors) {
        String amount = typed.getOrDefault(field + ".amount", "").strip().replace(',', '.');
        if (amount.isEmpty()) {
            return null;
        }
        if (!amount.matches("[0-9]{1,7}(\\.[0-9]{1,2})?")) {
            errors.put(field + ".amount", extra.name() + " : un montant, par exemple 10 ou 7,50 / " + extra.name()
                    + ": an amount such as 10 or 7.50");
            return null;
        }
        return new ExtraChoice(extra.code(), null, 1, Cents.of(new BigDecimal(amount)));
    }

    /**
     * The form's field for a field of the API's request that a rule refused: answers.bus, extras[1].size; any
     * other name as it is, and every name on a form without the races' options (the transfer's).
     */
    String formField(String field) {
        if (raceCode == null) {
            return field;
        }
        if (field.startsWith("answers.")) {
            return question(raceCode, field.substring("answers.".length()));
        }
        Matcher extra = EXTRA_FIELD.matcher(field);
        if (extra.matches() && Integer.parseInt(extra.group(1)) < extraFields.size()) {
            int index = Integer.parseInt(extra.group(1));
            String suffix = extras.get(index).donationCents() != null ? ".amount"
                    : extra.group(2).equals("size") ? ".size" : ".quantity";
            return extraFields.get(index) + suffix;
        }
        return field;
    }
}
