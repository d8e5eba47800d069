package fr.pyramidesnoires.registration.price;

import java.util.List;

/**
 * What a runner pays for an entry, line by line: the entry fee, each extra, the discount as a negative line, the
 * donation last.
 */
public record Bill(List<Line> lines, long totalCents) {

    public enum Kind { ENTRY, EXTRA, DISCOUNT, DONATION }

    /**
     * @param code   the extra's or discount's code; null for the entry fee
     * @param label  what the runner reads: the price's name, the extra's name, the discount code
     * @param size   the extra's size, if it has sizes
     * @param amountCents the line's amount: unitCents × quantity, negative for a discount
     */
    public record Line(Kind kind, String code, String label, String size, int quantity, long unitCents,
                       long amountCents) {
    }

    public Bill {
        lines = List.copyOf(lines);
    }

    Bill(List<Line> lines) {
        this(lines, lines.stream().mapToLong(Line::amountCents).sum());
    }

    /** A bill of nothing to pay needs no payment page: the entry is confirmed at once. */
    public boolean free() {
        return totalCents == 0;
    }

    public long donationCents() {
        return lines.stream().filter(line -> line.kind() == Kind.DONATION).mapToLong(Line::amountCents).sum();
    }

    /** What a refund policy applies to: everything paid but the donation, which went to the association. */
    public long refundableCents() {
        return totalCents - donationCents();
    }
}
