package fr.pyramidesnoires.registration.price;

import java.math.BigDecimal;

/**
 * Amounts as every price rule counts them: whole cents (hundredths of the event's currency) in a long, never a
 * double, so that 3 × 12.10 € is 36.30 € and a refund never loses or gains a cent by rounding. The races file gives
 * amounts in decimal units (80, 12.50); pages write them with {@link fr.pyramidesnoires.registration.event.Money}
 * from {@link #amount(long)}.
 */
public final class Cents {

    private Cents() {
    }

    /** @throws IllegalArgumentException for an amount with a part of a cent (12.505), which no payment can take */
    public static long of(BigDecimal amount) {
        try {
            return amount.movePointRight(2).longValueExact();
        } catch (ArithmeticException e) {
            throw new IllegalArgumentException(amount.toPlainString() + " is not a whole number of cents");
        }
    }

    /** The amount in units with its two decimals (1250 → 12.50), as Money writes it. */
    public static BigDecimal amount(long cents) {
        return BigDecimal.valueOf(cents, 2);
    }
}
