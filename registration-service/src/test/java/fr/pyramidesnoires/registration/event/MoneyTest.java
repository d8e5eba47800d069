package fr.pyramidesnoires.registration.event;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigDecimal;
import java.util.Currency;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MoneyTest {

    @ParameterizedTest(name = "{0} {1}: {2} / {3}")
    @CsvSource(delimiter = '|', value = {
            "95     | EUR | 95 €      | €95",
            "95.00  | EUR | 95 €      | €95",
            "12.5   | EUR | 12,50 €   | €12.50",
            "12.50  | EUR | 12,50 €   | €12.50",
            "0      | EUR | 0 €       | €0",
            "50     | USD | 50 USD    | USD 50",
            "49.99  | USD | 49,99 USD | USD 49.99",
            "3000   | JPY | 3000 JPY  | JPY 3000",
            "12.5   | JPY | 12,5 JPY  | JPY 12.5",
            "10.125 | EUR | 10,125 €  | €10.125"})
    void frenchTextPutsTheUnitAfterAndEnglishBeforeNeverDroppingACent(String amount, String currency,
                                                                      String french, String english) {
        Currency money = Money.currency(currency);
        assertEquals(french, Money.french(new BigDecimal(amount), money));
        assertEquals(english, Money.english(new BigDecimal(amount), money));
    }

    @Test
    void theCurrencyIsAnIso4217CodeInAnyCase() {
        assertEquals(Currency.getInstance("USD"), Money.currency(" usd "));
        assertEquals("EVENT_CURRENCY is an ISO 4217 code such as EUR, USD or CHF, not 'dollars'",
                assertThrows(IllegalArgumentException.class, () -> Money.currency("dollars")).getMessage());
        assertThrows(IllegalArgumentException.class, () -> Money.currency("XYZ"));
    }
}
