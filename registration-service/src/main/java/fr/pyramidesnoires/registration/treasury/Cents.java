package fr.pyramidesnoires.registration.treasury;

import fr.pyramidesnoires.registration.event.Money;
import java.math.BigDecimal;
import java.util.Currency;

/** Amounts are kept in cents, as the provider counts them, and turned to decimals only to be written. */
final class Cents {

    private Cents() {
    }

    static BigDecimal decimal(long cents) {
        return BigDecimal.valueOf(cents, 2);
    }

    /** A negative amount keeps its sign in front, where Money would put it between € and the digits. */
    static String french(long cents, Currency currency) {
        return (cents < 0 ? "-" : "") + Money.french(decimal(Math.abs(cents)), currency);
    }

    static String english(long cents, Currency currency) {
        return (cents < 0 ? "-" : "") + Money.english(decimal(Math.abs(cents)), currency);
    }

    /** "95 € / €95" */
    static String bilingual(long cents, Currency currency) {
        return french(cents, currency) + " / " + english(cents, currency);
    }
}
