package fr.pyramidesnoires.registration.treasury;

import static fr.pyramidesnoires.registration.treasury.Treasury.card;
import static fr.pyramidesnoires.registration.treasury.Treasury.offline;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.pyramidesnoires.csv.CsvLine;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class LedgerCsvTest {

    private static final String FORMULA = "=HYPERLINK(\"https://evil.example\";\"remboursement\")";

    private final RecordedPayment a = card("a", "52K", 9500, 168L);
    private final RecordedPayment b = card("b", "52K", 8550, null, "-10% CLUB", 950);
    private final RecordedPayment c = offline("c", "25K", PaymentMethod.CHEQUE, 4000);
    private final RecordedRefund r = new RecordedRefund("r1", "a", "52K", 2000, "re_1",
            Instant.parse("2027-03-02T23:30:00Z"), FORMULA);
    private final Ledger ledger = Ledger.of(List.of(a, b, c), List.of(r),
            List.of(new HoldCounts("52K", 2, 2, 5), new HoldCounts("25K", 0, 1, 0)));
    private final String csv = LedgerCsv.write(ledger, ZoneId.of("Europe/Paris"));

    /** The file's tables, each a list of rows of cells, as a spreadsheet reads them back. */
    private List<List<List<String>>> tables() {
        List<List<List<String>>> tables = new ArrayList<>();
        List<List<String>> table = new ArrayList<>();
        for (String line : csv.split("\n", -1)) {
            if (line.isEmpty()) {
                tables.add(table);
                table = new ArrayList<>();
            } else {
                table.add(CsvLine.read(line));
            }
        }
        return tables;
    }

    private static BigDecimal sum(List<List<String>> rows, int column) {
        return rows.stream().skip(1).map(row -> row.get(column)).filter(cell -> !cell.isEmpty())
                .map(BigDecimal::new).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    @Test
    void everyPaymentDiscountAndRefundHasItsRowByDateInTheEventsTime() {
        List<List<String>> rows = tables().get(0);
        assertEquals(List.of("date", "race", "kind", "method", "entry", "receipt", "amount", "fee", "discount",
                "providerReference", "discountCode", "reason"), rows.get(0));
        assertEquals(List.of(
                List.of("2027-03-01 10:00:00", "52K", "PAYMENT", "CARD", "e-a", "R-2027-a", "95.00", "1.68", "",
                        "pi_a", "", ""),
                List.of("2027-03-01 10:00:00", "52K", "PAYMENT", "CARD", "e-b", "R-2027-b", "85.50", "", "", "pi_b",
                        "-10% CLUB", ""),
                List.of("2027-03-01 10:00:00", "52K", "DISCOUNT", "CARD", "e-b", "R-2027-b", "", "", "9.50", "",
                        "-10% CLUB", ""),
                List.of("2027-03-01 10:00:00", "25K", "PAYMENT", "CHEQUE", "e-c", "R-2027-c", "40.00", "", "", "",
                        "", ""),
                List.of("2027-03-03 00:30:00", "52K", "REFUND", "CARD", "e-a", "R-2027-a", "-20.00", "", "", "re_1",
                        "", FORMULA)), rows.subList(1, rows.size()));
        assertEquals(new BigDecimal("200.50"), sum(rows, 6), "gross less refunds");
        assertEquals(new BigDecimal("1.68"), sum(rows, 7), "fees");
        assertEquals(new BigDecimal("9.50"), sum(rows, 8), "discounts");
    }

    @Test
    void theAccountsFollowPerRaceThenInTotal() {
        List<List<String>> rows = tables().get(1);
        assertEquals(List.of("summary", "race", "payments", "cardPayments", "card", "offlinePayments", "offline",
                "gross", "fees", "paymentsWithoutFee", "refunds", "refunded", "net", "discountUses", "discounts",
                "held", "paid", "expired"), rows.get(0));
        assertEquals(List.of("race", "25K", "1", "0", "0.00", "1", "40.00", "40.00", "0.00", "0", "0", "0.00",
                "40.00", "0", "0.00", "0", "1", "0"), rows.get(1));
        assertEquals(List.of("race", "52K", "2", "2", "180.50", "0", "0.00", "180.50", "1.68", "1", "1", "-20.00",
                "158.82", "1", "9.50", "2", "2", "5"), rows.get(2));
        assertEquals(List.of("total", "", "3", "2", "180.50", "1", "40.00", "220.50", "1.68", "1", "1", "-20.00",
                "198.82", "1", "9.50", "2", "3", "5"), rows.get(3));
        assertEquals(4, rows.size());
    }

    @Test
    void theDiscountsFollowPerCodePerRaceThenInTotal() {
        List<List<List<String>>> tables = tables();
        assertEquals(3, tables.size());
        assertEquals(List.of(List.of("summary", "race", "discountCode", "uses", "discount"),
                List.of("race", "52K", "-10% CLUB", "1", "9.50"),
                List.of("total", "", "-10% CLUB", "1", "9.50")), tables.get(2));
    }

    @Test
    void whatAnOrganiserTypedNeverRunsAsAFormulaButNegativeAmountsStayNumbers() {
        assertTrue(csv.contains(";\"'=HYPERLINK(\"\"https://evil.example\"\";\"\"remboursement\"\")\"\n"), csv);
        assertTrue(csv.contains(";'-10% CLUB;"), csv);
        assertTrue(csv.contains(";-20.00;"), csv);
    }
}
