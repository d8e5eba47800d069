package fr.pyramidesnoires.registration.treasury;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The treasurer's accounts: what came in, what the provider kept, what went back, per race and in total, in exact
 * cents. Net is gross less fees less refunds, since the provider keeps its fee on a refunded payment. A payment whose
 * fee the provider has not yet said counts no fee and is counted apart, so that a net that is still provisional
 * says so.
 */
public final class Ledger {

    private final List<RecordedPayment> payments;
    private final List<RecordedRefund> refunds;
    private final Map<String, RecordedPayment> paymentsById;
    private final Map<String, Account> races = new TreeMap<>();
    private final Account total;

    private Ledger(List<RecordedPayment> payments, List<RecordedRefund> refunds, List<HoldCounts> holds) {
        this.payments = List.copyOf(payments);
        this.refunds = List.copyOf(refunds);
        this.paymentsById = payments.stream().collect(Collectors.toMap(RecordedPayment::id, Function.identity()));
        Map<String, Tally> tallies = new TreeMap<>();
        Tally all = new Tally(null);
        for (RecordedPayment payment : payments) {
            tallies.computeIfAbsent(payment.raceCode(), Tally::new).add(payment);
            all.add(payment);
        }
        for (RecordedRefund refund : refunds) {
            RecordedPayment payment = paymentsById.get(refund.paymentId());
            if (payment == null || !payment.raceCode().equals(refund.raceCode())) {
                throw new IllegalArgumentException("refund " + refund.id() + " gives back payment "
                        + refund.paymentId() + " of race " + refund.raceCode() + ", which is not among the payments");
            }
            tallies.computeIfAbsent(refund.raceCode(), Tally::new).add(refund);
            all.add(refund);
        }
        for (HoldCounts counts : holds) {
            tallies.computeIfAbsent(counts.raceCode(), Tally::new).add(counts);
            all.add(counts);
        }
        tallies.forEach((race, tally) -> races.put(race, tally.account()));
        total = all.account();
    }

    /**
     * @throws IllegalArgumentException when a refund gives back a payment that is not among the payments, or that is
     *                                  of another race
     */
    public static Ledger of(List<RecordedPayment> payments, List<RecordedRefund> refunds, List<HoldCounts> holds) {
        return new Ledger(payments, refunds, holds);
    }

    public List<RecordedPayment> payments() {
        return payments;
    }

    public List<RecordedRefund> refunds() {
        return refunds;
    }

    RecordedPayment payment(String id) {
        return paymentsById.get(id);
    }

    /** Every race with a payment, a refund or a count, by race code. */
    public Collection<Account> races() {
        return races.values();
    }

    public Optional<Account> race(String raceCode) {
        return Optional.ofNullable(races.get(raceCode));
    }

    public Account total() {
        return total;
    }

    /**
     * One race's accounts, or the event's.
     *
     * @param raceCode           null for the event's total
     * @param paymentsWithoutFee payments by card whose fee the provider has not said: net counts none for them
     * @param discounts          by code
     */
    public record Account(String raceCode, int payments, int cardPayments, long cardCents, int offlinePayments,
                          long offlineCents, long grossCents, long feeCents, int paymentsWithoutFee, int refunds,
                          long refundCents, long netCents, List<DiscountUse> discounts, long held, long paid,
                          long expired) {

        public long discountCents() {
            return discounts.stream().mapToLong(DiscountUse::cents).sum();
        }

        public int discountUses() {
            return discounts.stream().mapToInt(DiscountUse::uses).sum();
        }
    }

    public record DiscountUse(String code, int uses, long cents) {
    }

    private static final class Tally {
        private final String raceCode;
        private int cardPayments;
        private long cardCents;
        private int offlinePayments;
        private long offlineCents;
        private long feeCents;
        private int paymentsWithoutFee;
        private int refunds;
        private long refundCents;
        private final Map<String, int[]> discountUses = new HashMap<>();
        private final Map<String, Long> discountCents = new HashMap<>();
        private long held;
        private long paid;
        private long expired;

        Tally(String raceCode) {
            this.raceCode = raceCode;
        }

        void add(RecordedPayment payment) {
            if (payment.method().offline()) {
                offlinePayments++;
                offlineCents = Math.addExact(offlineCents, payment.amountCents());
            } else {
                cardPayments++;
                cardCents = Math.addExact(cardCents, payment.amountCents());
                if (payment.feeCents() == null) {
                    paymentsWithoutFee++;
                }
            }
            if (payment.feeCents() != null) {
                feeCents = Math.addExact(feeCents, payment.feeCents());
            }
            if (payment.discountCode() != null) {
                discountUses.computeIfAbsent(payment.discountCode(), code -> new int[1])[0]++;
                discountCents.merge(payment.discountCode(), payment.discountCents(), Math::addExact);
            }
        }

        void add(RecordedRefund refund) {
            refunds++;
            refundCents = Math.addExact(refundCents, refund.amountCents());
        }

        void add(HoldCounts counts) {
            held += counts.held();
            paid += counts.paid();
            expired += counts.expired();
        }

        Account account() {
            long gross = Math.addExact(cardCents, offlineCents);
            List<DiscountUse> discounts = new ArrayList<>();
            new TreeMap<>(discountUses).forEach((code, uses) ->
                    discounts.add(new DiscountUse(code, uses[0], discountCents.get(code))));
            return new Account(raceCode, cardPayments + offlinePayments, cardPayments, cardCents, offlinePayments,
                    offlineCents, gross, feeCents, paymentsWithoutFee, refunds, refundCents,
                    gross - feeCents - refundCents, List.copyOf(discounts), held, paid, expired);
        }
    }
}
