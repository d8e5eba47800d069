package fr.pyramidesnoires.registration.event;

import java.math.BigDecimal;
import java.util.Currency;
import java.util.Locale;

/**
 * An amount of the event's currency as a page writes it: French text puts the unit after with a decimal comma
 * ("95 €", "12,50 €", "50 USD"), English text before ("€95", "USD 12.50"). The euro is written €, any other
 * currency by its ISO code, which no reader mistakes for another dollar. Never through a double, and never
 * rounded: a fee of 12.5 shows its cents, a whole fee none.
 */
public final class Money {

    private Money() {
    }

    /**
     * @throws IllegalArgumentException unless the setting is an ISO 4217 code that Java knows, such as EUR or USD
     */
    public static Currency currency(String setting) {
        String code = setting.strip().toUpperCase(Locale.ROOT);
        try {
            return Currency.getInstance(code);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("EVENT_CURRENCY is an ISO 4217 code such as EUR, USD or CHF, not '"
                    + setting + "'");
        }
    }

    public static String french(BigDecimal amount, Currency currency) {
        return digits(amount, currency).replace('.', ',') + " " + symbol(currency);
    }

    public static String english(BigDecimal amount, Currency currency) {
        String symbol = symbol(currency);
        return symbol + (symbol.length() > 1 ? " " : "") + digits(amount, currency);
    }

    private static String symbol(Currency currency) {
        return currency.getCurrencyCode().equals("EUR") ? "€" : currency.getCurrencyCode();
    }

    private static String digits(BigDecimal amount, Currency currency) {
        BigDecimal plain = amount.stripTrailingZeros();
        if (plain.scale() <= 0) {
            return plain.toBigInteger().toString();
        }
        return amount.setScale(Math.max(plain.scale(), currency.getDefaultFractionDigits())).toPlainString();
    }
}
