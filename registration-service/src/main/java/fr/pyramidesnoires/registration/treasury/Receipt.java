package fr.pyramidesnoires.registration.treasury;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Currency;
import java.util.List;
import java.util.Objects;

/**
 * What a receipt states of one payment, for the club or employer who reimburses the entry. Its lines add up to the
 * total paid, and its refunds never exceed it: a receipt that contradicts itself is refused rather than written.
 *
 * @param number  the receipt's number, given by the caller, such as R-2027-000123
 * @param zone    the zone the date paid and refund dates are written in, the event's
 * @param bib     null while the runner has none
 * @param lines   what the total is made of; a discount is a negative line
 * @param refunds what was given back so far, oldest first; empty when nothing was
 */
public record Receipt(Issuer issuer, String number, Instant paidAt, ZoneId zone, Payer payer, String raceName,
                      Integer bib, List<Line> lines, long totalCents, Currency currency, Settlement settlement,
                      List<Refunded> refunds) {

    public Receipt {
        Objects.requireNonNull(issuer, "issuer");
        Objects.requireNonNull(number, "number");
        Objects.requireNonNull(paidAt, "paidAt");
        Objects.requireNonNull(zone, "zone");
        Objects.requireNonNull(payer, "payer");
        Objects.requireNonNull(raceName, "raceName");
        Objects.requireNonNull(currency, "currency");
        Objects.requireNonNull(settlement, "settlement");
        lines = List.copyOf(lines);
        refunds = List.copyOf(refunds);
        long sum = lines.stream().mapToLong(Line::amountCents).sum();
        if (sum != totalCents) {
            throw new IllegalArgumentException("receipt " + number + ": its lines add up to " + sum
                    + " cents, not the " + totalCents + " paid");
        }
        if (refundedCents(refunds) > totalCents) {
            throw new IllegalArgumentException("receipt " + number + ": refunds of " + refundedCents(refunds)
                    + " cents exceed the " + totalCents + " paid");
        }
    }

    /** The organiser as the receipt names it: the event's name and its postal address, on one line each. */
    public record Issuer(String name, String addressLine) {
        public Issuer {
            Objects.requireNonNull(name, "issuer name");
        }
    }

    public record Payer(String name, String email) {
        public Payer {
            Objects.requireNonNull(name, "payer name");
        }
    }

    public record Line(String label, long amountCents) {
        public Line {
            Objects.requireNonNull(label, "line label");
        }
    }

    /**
     * @param reference the provider's payment reference for a card; for an offline payment the cheque number or
     *                  transfer reference the organiser noted, or null
     */
    public record Settlement(PaymentMethod method, String reference) {
        public Settlement {
            Objects.requireNonNull(method, "method");
            if (method == PaymentMethod.CARD && reference == null) {
                throw new IllegalArgumentException("a card payment's receipt names the provider's reference");
            }
        }
    }

    public record Refunded(Instant at, long amountCents) {
        public Refunded {
            Objects.requireNonNull(at, "refund date");
            if (amountCents <= 0) {
                throw new IllegalArgumentException("a refund gives back a positive amount, not " + amountCents);
            }
        }
    }

    public long refundedCents() {
        return refundedCents(refunds);
    }

    /** The runner got everything back: the receipt then says so, so that nobody reimburses it again. */
    public boolean refundedInFull() {
        return !refunds.isEmpty() && refundedCents() == totalCents;
    }

    private static long refundedCents(List<Refunded> refunds) {
        return refunds.stream().mapToLong(Refunded::amountCents).sum();
    }
}
