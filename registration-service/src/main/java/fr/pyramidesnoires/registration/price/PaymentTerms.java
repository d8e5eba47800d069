package fr.pyramidesnoires.registration.price;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import fr.pyramidesnoires.registration.event.Money;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Currency;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * What a race costs and gives back, as the organiser writes it in the race's {@code payment} field of the races
 * file. Every amount is counted in cents ({@link Cents}).
 *
 * <p><b>Entry fee.</b> The fee a runner of category C pays at an instant is:
 * <ol>
 * <li>among the prices that list C, the one still open (its {@code until} after that instant, or no {@code until})
 * that ends first, a price with no end coming after every dated one;</li>
 * <li>when none is, the same among the prices with no categories, for every runner;</li>
 * <li>when none is either, or the race has no prices, the race's own fee.</li>
 * </ol>
 * A price's {@code until} is the instant it ends: a runner entering at that very instant pays the next price. So a
 * race can give only an early price and keep its own fee after. A page that does not know the runner's category
 * yet shows the price for every runner, and beside it the prices of the categories that pay another.
 *
 * <p><b>Extras.</b> A runner orders each extra at most {@link Extra#mostPerRunner()} times (sizes together), in
 * sizes the extra has, and never more than its stock leaves; the same extra in the same size is ordered once, with
 * a quantity. A donation is one amount from 1 to 10,000.
 *
 * <p><b>Refunds.</b> The days left are the calendar days from the day of cancelling to race day, both in the
 * event's zone: 0 on race day, 60 on the 19th of January for a race on the 20th of March. The share refunded is
 * the percent of the first step, the steps going from the largest {@code daysBefore}, whose {@code daysBefore} is
 * no more than the days left: with 60 → 100 % and 15 → 50 %, a runner cancelling 60 days ahead gets all back, 59
 * to 15 days ahead half, 14 days ahead or later nothing, and nothing once the race has started. A race with no
 * policy refunds nothing. The share applies to what was paid but not refunded yet, rounded down to the cent; a
 * donation is never refunded, it went to the association.
 *
 * <p><b>Transfer.</b> A race with no {@code transferFee} transfers an entry for nothing.
 *
 * @param prices       the entry's prices by date and category; none for the race's own fee at all times
 * @param extras       what a runner may order with their entry
 * @param questions    the organiser's own questions on the entry form
 * @param refundPolicy steps from the largest daysBefore down; none for no refund
 * @param transferFee  what a transfer to another runner costs, in units of the event's currency
 */
public record PaymentTerms(
        @JsonInclude(JsonInclude.Include.NON_EMPTY) List<PriceTier> prices,
        @JsonInclude(JsonInclude.Include.NON_EMPTY) List<Extra> extras,
        @JsonInclude(JsonInclude.Include.NON_EMPTY) List<Question> questions,
        @JsonInclude(JsonInclude.Include.NON_EMPTY) List<RefundStep> refundPolicy,
        @JsonInclude(JsonInclude.Include.NON_NULL) BigDecimal transferFee) {

    /** A race without a payment field: its own fee, no extra, no question, no refund, free transfers. */
    public static final PaymentTerms NONE = new PaymentTerms(null, null, null, null, null);
    static final String ENTRY_LABEL = "Inscription / Entry";

    public PaymentTerms {
        prices = listOf(prices);
        extras = listOf(extras);
        questions = listOf(questions);
        refundPolicy = listOf(refundPolicy);
    }

    // a JSON [null] is kept, so that problems() names it rather than it vanishing
    private static <T> List<T> listOf(List<T> list) {
        return list == null ? List.of() : Collections.unmodifiableList(new ArrayList<>(list));
    }

    /**
     * The terms a race's payment field gives, refusing a field the terms do not have (a misspelt stock would be an
     * extra without limit) and any problem.
     *
     * @param reader the mapper that reads the races file, so that dates are read as in the rest of it
     * @throws IllegalArgumentException naming the field, from payment
     */
    public static PaymentTerms read(ObjectMapper reader, JsonNode payment) {
        PaymentTerms terms;
        try {
            terms = reader.readerFor(PaymentTerms.class).with(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                    .readValue(payment);
        } catch (UnrecognizedPropertyException e) {
            List<JsonMappingException.Reference> path = e.getPath();
            throw new IllegalArgumentException(path(path.subList(0, path.size() - 1)) + " has an unknown field "
                    + e.getPropertyName() + ": it takes " + e.getKnownPropertyIds().stream().map(String::valueOf)
                    .sorted().collect(Collectors.joining(", ")));
        } catch (JsonMappingException e) {
            throw new IllegalArgumentException(path(e.getPath()) + " cannot be read: "
                    + e.getOriginalMessage().lines().findFirst().orElse(""));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        terms.validate();
        return terms;
    }

    private static String path(List<JsonMappingException.Reference> path) {
        StringBuilder text = new StringBuilder("payment");
        for (JsonMappingException.Reference step : path) {
            text.append(step.getFieldName() != null ? "." + step.getFieldName() : "[" + step.getIndex() + "]");
        }
        return text.toString();
    }

    /** @throws IllegalArgumentException listing every problem */
    public void validate() {
        List<String> problems = problems();
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(String.join("; ", problems));
        }
    }

    /** Every fault of the terms, each naming its field from payment, such as payment.prices[2].until. */
    public List<String> problems() {
        List<String> problems = new ArrayList<>();
        priceProblems(problems);
        extraProblems(problems);
        questionProblems(problems);
        refundProblems(problems);
        amount(problems, "payment.transferFee", transferFee);
        return problems;
    }

    private void priceProblems(List<String> problems) {
        for (int i = 0; i < prices.size(); i++) {
            String at = "payment.prices[" + i + "]";
            PriceTier price = prices.get(i);
            if (price == null) {
                problems.add(at + " is empty: a price gives its fee");
                continue;
            }
            if (price.fee() == null) {
                problems.add(at + ".fee is missing: give the price, such as 80 or 12.50");
            }
            amount(problems, at + ".fee", price.fee());
            texts(problems, at + ".categories", price.categories());
            for (int j = 0; j < i; j++) {
                PriceTier earlier = prices.get(j);
                if (earlier != null && sameEnd(earlier, price) && (earlier.general() && price.general()
                        || !Collections.disjoint(earlier.categories(), price.categories()))) {
                    problems.add(at + ".until: prices[" + j + "] is for the same runners and ends "
                            + (price.until() == null ? "never either" : "at the same instant")
                            + ", so which applies would be a guess");
                }
            }
        }
    }

    private static boolean sameEnd(PriceTier one, PriceTier other) {
        return one.until() == null ? other.until() == null
                : other.until() != null && one.until().toInstant().equals(other.until().toInstant());
    }

    private void extraProblems(List<String> problems) {
        Map<String, Integer> codes = new HashMap<>();
        for (int i = 0; i < extras.size(); i++) {
            String at = "payment.extras[" + i + "]";
            Extra extra = extras.get(i);
            if (extra == null) {
                problems.add(at + " is empty: an extra gives its code, name and price");
                continue;
            }
            identity(problems, at, extra.code(), codes, i, "extras", "name", extra.name());
            if (extra.donation()) {
                if (extra.price() != null || extra.stock() != null || !extra.sizes().isEmpty()
                        || extra.maxPerRunner() != null) {
                    problems.add(at + ": a donation has no price, stock, sizes or maxPerRunner, the runner gives"
                            + " one amount");
                }
                continue;
            }
            if (extra.price() == null) {
                problems.add(at + ".price is missing: give the price of one, such as 12 or 4.50");
            }
            amount(problems, at + ".price", extra.price());
            if (extra.stock() != null && extra.stock() < 0) {
                problems.add(at + ".stock is " + extra.stock() + ": give 0 or more, or leave it out for no limit");
            }
            if (extra.maxPerRunner() != null && extra.maxPerRunner() < 1) {
                problems.add(at + ".maxPerRunner is " + extra.maxPerRunner() + ": give 1 or more");
            }
            texts(problems, at + ".sizes", extra.sizes());
        }
    }

    private void questionProblems(List<String> problems) {
        Map<String, Integer> codes = new HashMap<>();
        for (int i = 0; i < questions.size(); i++) {
            String at = "payment.questions[" + i + "]";
            Question question = questions.get(i);
            if (question == null) {
                problems.add(at + " is empty: a question gives its code, label and type");
                continue;
            }
            identity(problems, at, question.code(), codes, i, "questions", "label", question.label());
            if (question.type() == null) {
                problems.add(at + ".type is missing: text, choice or yesno");
            } else if (question.type() == Question.Type.CHOICE && question.choices().isEmpty()) {
                problems.add(at + ".choices is missing: a choice question lists its answers");
            } else if (question.type() != Question.Type.CHOICE && !question.choices().isEmpty()) {
                problems.add(at + ".choices: only a choice question has choices");
            }
            texts(problems, at + ".choices", question.choices());
        }
    }

    private void refundProblems(List<String> problems) {
        RefundStep before = null;
        for (int i = 0; i < refundPolicy.size(); i++) {
            String at = "payment.refundPolicy[" + i + "]";
            RefundStep step = refundPolicy.get(i);
            if (step == null) {
                problems.add(at + " is empty: a step gives daysBefore and percent");
                continue;
            }
            if (step.daysBefore() < 0) {
                problems.add(at + ".daysBefore is " + step.daysBefore() + ": give days before race day, 0 or more");
            }
            if (step.percent() < 0 || step.percent() > 100) {
                problems.add(at + ".percent is " + step.percent() + ": give 0 to 100");
            }
            if (before != null && step.daysBefore() >= before.daysBefore()) {
                problems.add(at + ".daysBefore is " + step.daysBefore() + ", not fewer than the "
                        + before.daysBefore() + " of refundPolicy[" + (i - 1) + "]: give the steps from the"
                        + " largest daysBefore down");
            }
            before = step;
        }
    }

    /** An extra's or a question's code, unique in its list, and the text the runner reads of it. */
    private static void identity(List<String> problems, String at, String code, Map<String, Integer> codes, int i,
                                 String list, String textField, String text) {
        if (code == null || code.isBlank()) {
            problems.add(at + ".code is missing");
        } else if (codes.putIfAbsent(code, i) != null) {
            problems.add(at + ".code: " + code + " is the code of " + list + "[" + codes.get(code) + "] too");
        }
        if (text == null || text.isBlank()) {
            problems.add(at + "." + textField + " is missing: what the runner reads, French then English");
        }
    }

    private static void amount(List<String> problems, String field, BigDecimal amount) {
        if (amount == null) {
            return;
        }
        if (amount.signum() < 0) {
            problems.add(field + " is " + amount.toPlainString() + ": an amount is 0 or more");
        } else if (amount.stripTrailingZeros().scale() > 2) {
            problems.add(field + " is " + amount.toPlainString() + ": an amount is to the cent, such as 12.50");
        }
    }

    /** Categories, sizes, choices: each one said, and once. */
    private static void texts(List<String> problems, String field, List<String> texts) {
        Set<String> seen = new HashSet<>();
        for (int j = 0; j < texts.size(); j++) {
            if (texts.get(j) == null || texts.get(j).isBlank()) {
                problems.add(field + "[" + j + "] is blank");
            } else if (!seen.add(texts.get(j))) {
                problems.add(field + "[" + j + "]: " + texts.get(j) + " is given twice");
            }
        }
    }

    /** The fee a runner of this category pays at this instant; the category null when not known yet. */
    public Fee currentFee(Instant now, String category, long raceFeeCents) {
        Optional<Fee> own = category == null ? Optional.empty()
                : open(now, price -> price.categories().contains(category));
        return own.or(() -> open(now, PriceTier::general)).orElseGet(() -> Fee.race(raceFeeCents));
    }

    /** The fee a page shows before it knows the runner's category: the price for every runner. */
    public Fee feeForDisplay(Instant now, long raceFeeCents) {
        return currentFee(now, null, raceFeeCents);
    }

    /**
     * The prices of the categories that pay another fee now, each with the categories it applies to now, in the
     * order of the races file.
     */
    public List<Fee> categoryFees(Instant now, long raceFeeCents) {
        Map<Integer, List<String>> categoriesByTier = new LinkedHashMap<>();
        prices.stream().flatMap(price -> price.categories().stream()).distinct().forEach(category -> {
            Fee fee = currentFee(now, category, raceFeeCents);
            if (fee.tier() != null && !prices.get(fee.tier()).general()) {
                categoriesByTier.computeIfAbsent(fee.tier(), tier -> new ArrayList<>()).add(category);
            }
        });
        return categoriesByTier.entrySet().stream().sorted(Map.Entry.comparingByKey()).map(tier -> {
            Fee fee = Fee.of(tier.getKey(), prices.get(tier.getKey()));
            return new Fee(fee.cents(), fee.tier(), fee.name(), fee.until(), List.copyOf(tier.getValue()));
        }).toList();
    }

    private Optional<Fee> open(Instant now, Predicate<PriceTier> forRunner) {
        Integer best = null;
        for (int i = 0; i < prices.size(); i++) {
            PriceTier price = prices.get(i);
            if (forRunner.test(price) && price.openAt(now) && (best == null || endsBefore(price, prices.get(best)))) {
                best = i;
            }
        }
        return best == null ? Optional.empty() : Optional.of(Fee.of(best, prices.get(best)));
    }

    private static boolean endsBefore(PriceTier one, PriceTier other) {
        return one.until() != null && (other.until() == null || one.until().isBefore(other.until()));
    }

    /**
     * What the runner pays for an entry with these extras and this discount code, at this instant.
     *
     * @param category     the runner's category, null when they have none
     * @param raceFeeCents the race's own fee
     * @param extrasTaken  how many of each extra, by code, other entries already took, counted by the caller under
     *                     the race's lock
     * @param discount     the code the runner typed, as the database holds it; null for none
     * @param discountUses how many entries already used it, counted likewise
     * @throws PriceRefused naming the field at fault: extras[1].size, discountCode
     */
    public Bill bill(String raceCode, Instant now, String category, long raceFeeCents, List<ExtraChoice> extras,
                     Map<String, Integer> extrasTaken, DiscountCode discount, int discountUses, Currency currency) {
        Fee fee = currentFee(now, category, raceFeeCents);
        List<Bill.Line> lines = new ArrayList<>();
        lines.add(new Bill.Line(Bill.Kind.ENTRY, null, fee.name() == null ? ENTRY_LABEL : fee.name(), null, 1,
                fee.cents(), fee.cents()));
        List<Bill.Line> ordered = extraLines(extras, extrasTaken, currency);
        ordered.stream().filter(line -> line.kind() == Bill.Kind.EXTRA).forEach(lines::add);
        if (discount != null) {
            long off = discount.offCents(fee.cents(), raceCode, now, discountUses);
            lines.add(new Bill.Line(Bill.Kind.DISCOUNT, discount.code(), "Code de réduction " + discount.code()
                    + " / Discount code " + discount.code(), null, 1, -off, -off));
        }
        ordered.stream().filter(line -> line.kind() == Bill.Kind.DONATION).forEach(lines::add);
        return new Bill(lines);
    }

    private List<Bill.Line> extraLines(List<ExtraChoice> choices, Map<String, Integer> taken, Currency currency) {
        Map<String, Extra> byCode = extras.stream().collect(Collectors.toMap(Extra::code, extra -> extra));
        Map<String, Integer> orderedByCode = new HashMap<>();
        Set<List<String>> seen = new HashSet<>();
        List<Bill.Line> lines = new ArrayList<>();
        for (int i = 0; i < choices.size(); i++) {
            String at = "extras[" + i + "]";
            ExtraChoice choice = choices.get(i);
            Extra extra = choice == null ? null : byCode.get(choice.code());
            if (extra == null) {
                String code = choice == null ? null : choice.code();
                throw new PriceRefused("unknown-extra", "Cette course n'a pas d'option « " + code + " » / This race"
                        + " has no extra \"" + code + "\"", at + ".code");
            }
            String size = size(extra, choice.size(), at);
            if (!seen.add(Arrays.asList(extra.code(), size))) {
                throw new PriceRefused("duplicate-extra", extra.name() + " : une seule ligne par taille, avec sa"
                        + " quantité / " + extra.name() + ": one line per size, with its quantity", at);
            }
            int most = extra.mostPerRunner();
            int total = orderedByCode.merge(extra.code(), choice.quantity(), Integer::sum);
            if (choice.quantity() < 1 || total > most) {
                throw new PriceRefused("quantity", extra.name() + " : de 1 à " + most + " par coureur / "
                        + extra.name() + ": 1 to " + most + " per runner", at + ".quantity");
            }
            Integer left = extra.left(taken.getOrDefault(extra.code(), 0));
            if (left != null && total > left) {
                throw new PriceRefused("sold-out", left == 0
                        ? extra.name() + " : épuisé / " + extra.name() + ": sold out"
                        : extra.name() + " : il n'en reste que " + left + " / " + extra.name() + ": only " + left
                        + " left", at + ".quantity");
            }
            if (extra.donation()) {
                long given = donation(extra, choice.donationCents(), at, currency);
                lines.add(new Bill.Line(Bill.Kind.DONATION, extra.code(), extra.name(), null, 1, given, given));
            } else {
                if (choice.donationCents() != null) {
                    throw new PriceRefused("not-a-donation", extra.name() + " n'est pas un don : son prix est"
                            + " fixé / " + extra.name() + " is not a donation: its price is set",
                            at + ".donationCents");
                }
                long unit = Cents.of(extra.price());
                lines.add(new Bill.Line(Bill.Kind.EXTRA, extra.code(), extra.name(), size, choice.quantity(), unit,
                        unit * choice.quantity()));
            }
        }
        return lines;
    }

    private static String size(Extra extra, String given, String at) {
        boolean blank = given == null || given.isBlank();
        if (extra.sizes().isEmpty()) {
            if (!blank) {
                throw new PriceRefused("no-size", extra.name() + " n'a pas de taille / " + extra.name()
                        + " has no sizes", at + ".size");
            }
            return null;
        }
        String sizes = String.join(", ", extra.sizes());
        if (blank) {
            throw new PriceRefused("size-required", "Choisissez une taille pour " + extra.name() + " : " + sizes
                    + " / Choose a size for " + extra.name() + ": " + sizes, at + ".size");
        }
        return extra.sizes().stream().filter(given.strip()::equalsIgnoreCase).findFirst()
                .orElseThrow(() -> new PriceRefused("unknown-size", extra.name() + " n'existe qu'en " + sizes
                        + " / " + extra.name() + " comes in " + sizes + " only", at + ".size"));
    }

    private static long donation(Extra extra, Long given, String at, Currency currency) {
        if (given == null || given < Extra.DONATION_MIN_CENTS || given > Extra.DONATION_MAX_CENTS) {
            BigDecimal min = Cents.amount(Extra.DONATION_MIN_CENTS);
            BigDecimal max = Cents.amount(Extra.DONATION_MAX_CENTS);
            throw new PriceRefused("donation-amount", extra.name() + " : un don va de "
                    + Money.french(min, currency) + " à " + Money.french(max, currency) + " / " + extra.name()
                    + ": a donation is from " + Money.english(min, currency) + " to " + Money.english(max, currency),
                    at + ".donationCents");
        }
        return given;
    }

    /**
     * The runner's answers to the race's questions as kept, in the questions' order: texts stripped, choices as the
     * organiser wrote them, yes or no; a question not required and not answered is left out.
     *
     * @throws PriceRefused naming the question as answers.code
     */
    public Map<String, String> answers(Map<String, String> given) {
        Set<String> codes = questions.stream().map(Question::code).collect(Collectors.toSet());
        for (String code : given.keySet().stream().sorted().toList()) {
            if (!codes.contains(code)) {
                throw new PriceRefused("unknown-question", "Cette course ne pose pas la question « " + code + " » /"
                        + " This race asks no question \"" + code + "\"", "answers." + code);
            }
        }
        Map<String, String> answers = new LinkedHashMap<>();
        for (Question question : questions) {
            String answer = question.answer(given.get(question.code()));
            if (answer != null) {
                answers.put(question.code(), answer);
            }
        }
        return Collections.unmodifiableMap(answers);
    }

    /**
     * What a cancellation at this instant gives back.
     *
     * @param paidCents     what the runner paid but their donation ({@link Bill#refundableCents()})
     * @param refundedCents what was already refunded of it
     */
    public Refund refund(Instant now, OffsetDateTime start, ZoneId zone, long paidCents, long refundedCents) {
        if (refundedCents < 0 || refundedCents > paidCents) {
            throw new IllegalArgumentException("Refunded " + refundedCents + " cents of " + paidCents + " paid");
        }
        long daysLeft = ChronoUnit.DAYS.between(LocalDate.ofInstant(now, zone),
                start.atZoneSameInstant(zone).toLocalDate());
        int percent = !now.isBefore(start.toInstant()) ? 0 : refundPolicy.stream()
                .filter(step -> step.daysBefore() <= daysLeft).findFirst().map(RefundStep::percent).orElse(0);
        return new Refund(daysLeft, percent, (paidCents - refundedCents) * percent / 100);
    }

    public long transferFeeCents() {
        return transferFee == null ? 0 : Cents.of(transferFee);
    }
}
