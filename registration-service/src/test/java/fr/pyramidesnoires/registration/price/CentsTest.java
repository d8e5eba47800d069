package fr.pyramidesnoires.registration.price;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CentsTest {

    @ParameterizedTest(name = "{0} is {1} cents")
    @CsvSource({"80, 8000", "12.50, 1250", "12.5, 1250", "0.01, 1", "0, 0", "95.000, 9500", "10000, 1000000",
            "-3.20, -320", "1E+2, 10000"})
    void anAmountToTheCentIsExactlyItsCents(String amount, long cents) {
        assertEquals(cents, Cents.of(new BigDecimal(amount)));
    }

    @Test
    void aPartOfACentIsRefusedNotRounded() {
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                () -> Cents.of(new BigDecimal("12.505")));
        assertEquals("12.505 is not a whole number of cents", refused.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Cents.of(new BigDecimal("0.001")));
    }

    @Test
    void centsGoBackToTheAmountMoneyWrites() {
        assertEquals(new BigDecimal("12.50"), Cents.amount(1250));
        assertEquals(new BigDecimal("0.07"), Cents.amount(7));
        assertEquals(0, new BigDecimal("0.1").add(new BigDecimal("0.2"))
                .compareTo(Cents.amount(Cents.of(new BigDecimal("0.1")) + Cents.of(new BigDecimal("0.2")))));
    }
}
