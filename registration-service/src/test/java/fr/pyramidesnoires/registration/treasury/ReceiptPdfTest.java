package fr.pyramidesnoires.registration.treasury;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.Currency;
import java.util.List;
import java.util.stream.IntStream;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

class ReceiptPdfTest {

    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    private static final Currency EUR = Currency.getInstance("EUR");
    private static final Receipt.Issuer ISSUER = new Receipt.Issuer("Trail des Pyramides Noires",
            "Mairie, 1 place de l'Église, 62160 Bully-les-Mines");
    private static final Instant PAID = Instant.parse("2027-03-01T13:05:00Z");

    private final ReceiptPdf pdf = new ReceiptPdf();

    private static Receipt receipt(String name, Receipt.Settlement settlement, List<Receipt.Refunded> refunds) {
        return new Receipt(ISSUER, "R-2027-000123", PAID, PARIS, new Receipt.Payer(name, "francois@example.org"),
                "La Noire 52 km", 412, List.of(new Receipt.Line("Inscription La Noire 52 km", 9500),
                new Receipt.Line("Repas d'après-course", 1250), new Receipt.Line("Code CLUB10", -1000)),
                9750, EUR, settlement, refunds);
    }

    private static List<String> lines(byte[] bytes) throws IOException {
        try (PDDocument document = Loader.loadPDF(bytes)) {
            return Arrays.stream(new PDFTextStripper().getText(document).split("\\R")).map(String::strip).toList();
        }
    }

    private static void assertLine(List<String> lines, String label, String amount) {
        assertTrue(lines.stream().anyMatch(l -> l.startsWith(label) && l.endsWith(amount)),
                () -> "no line '" + label + " … " + amount + "' in " + lines);
    }

    @Test
    void theReceiptStatesWhoPaidWhatForWhichRaceAndWhenInFrenchThenEnglish() throws IOException {
        List<String> lines = lines(pdf.write(receipt("François Lefèvre-Çağlar",
                new Receipt.Settlement(PaymentMethod.CARD, "pi_3Nx42"), List.of())));

        assertTrue(lines.contains("Trail des Pyramides Noires"), lines::toString);
        assertTrue(lines.contains("Mairie, 1 place de l'Église, 62160 Bully-les-Mines"), lines::toString);
        assertTrue(lines.contains("Reçu / Receipt"), lines::toString);
        assertTrue(lines.contains("N° / No. : R-2027-000123"), lines::toString);
        assertTrue(lines.contains("Payé le / Paid on : 1 mars 2027 à 14:05 / 1 March 2027, 14:05"), lines::toString);
        assertTrue(lines.contains("Payé par / Paid by : François Lefèvre-Çaglar <francois@example.org>"),
                lines::toString);
        assertTrue(lines.contains("Course / Race : La Noire 52 km"), lines::toString);
        assertTrue(lines.contains("Dossard / Bib : 412"), lines::toString);
        assertTrue(String.join(" ", lines).contains("Moyen de paiement / Payment method : Carte bancaire, par le "
                + "prestataire de paiement / Card, through the payment provider (réf. / ref. pi_3Nx42)"), lines::toString);
        assertLine(lines, "Inscription La Noire 52 km", "95 € / €95");
        assertLine(lines, "Repas d'après-course", "12,50 € / €12.50");
        assertLine(lines, "Code CLUB10", "-10 € / -€10");
        assertLine(lines, "Montant payé / Amount paid", "97,50 € / €97.50");
        assertFalse(lines.stream().anyMatch(l -> l.contains("Remboursement")), lines::toString);
        assertFalse(lines.stream().anyMatch(l -> l.contains("refunded in full")), lines::toString);
    }

    @Test
    void helveticaWritesFrenchAccentsAndTheEuroAsTheyAre() {
        PDType1Font helvetica = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
        String french = "àâçéèêëîïôùûüÿœæÀÂÇÉÈÊËÎÏÔÙÛÜŸŒÆ €«»’";
        assertEquals(french, ReceiptPdf.writable(helvetica, french));
    }

    @Test
    void aNameInAnotherScriptIsWrittenAsNearAsTheFontCanInsteadOfFailingTheReceipt() throws IOException {
        PDType1Font helvetica = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
        assertEquals("Zoë Ørsted ?", ReceiptPdf.writable(helvetica, "Zoë Ørsted 李"));
        assertEquals("Lech Walesa, Lódz Ory", ReceiptPdf.writable(helvetica, "Lech Wałęsa, Łódź Őry"));
        assertEquals("tab and line break", ReceiptPdf.writable(helvetica, "tab\tand line\nbreak"));

        List<String> lines = lines(pdf.write(receipt("Zoë Ørsted 李",
                new Receipt.Settlement(PaymentMethod.CARD, "pi_1"), List.of())));
        assertTrue(lines.contains("Payé par / Paid by : Zoë Ørsted ? <francois@example.org>"), lines::toString);
    }

    @Test
    void anOfflinePaymentSaysWhoRecordedItAndRefundsShowWithWhatIsLeftPaid() throws IOException {
        List<String> lines = lines(pdf.write(receipt("Jeanne Martin",
                new Receipt.Settlement(PaymentMethod.CHEQUE, "chèque 0012345"),
                List.of(new Receipt.Refunded(Instant.parse("2027-04-02T08:00:00Z"), 1250)))));

        assertTrue(String.join(" ", lines).contains("Moyen de paiement / Payment method : Chèque, enregistré par "
                + "l'organisation / Cheque, recorded by the organiser (réf. / ref. chèque 0012345)"), lines::toString);
        assertTrue(lines.contains("Remboursements / Refunds"), lines::toString);
        assertLine(lines, "Remboursé le 02/04/2027 / Refunded on 02/04/2027", "-12,50 € / -€12.50");
        assertLine(lines, "Reste payé / Paid after refunds", "85 € / €85");
        assertFalse(lines.stream().anyMatch(l -> l.contains("refunded in full")), lines::toString);
    }

    @Test
    void anEntryRefundedInFullSaysTheReceiptNoLongerProvesAnExpense() throws IOException {
        List<String> lines = lines(pdf.write(receipt("Jeanne Martin", new Receipt.Settlement(PaymentMethod.CASH, null),
                List.of(new Receipt.Refunded(Instant.parse("2027-04-02T08:00:00Z"), 1250),
                        new Receipt.Refunded(Instant.parse("2027-04-20T08:00:00Z"), 8500)))));

        assertTrue(String.join(" ", lines).contains("Moyen de paiement / Payment method : Espèces, enregistré par "
                + "l'organisation / Cash, recorded by the organiser Inscription"), lines::toString);
        assertLine(lines, "Remboursé le 02/04/2027 / Refunded on 02/04/2027", "-12,50 € / -€12.50");
        assertLine(lines, "Remboursé le 20/04/2027 / Refunded on 20/04/2027", "-85 € / -€85");
        assertLine(lines, "Reste payé / Paid after refunds", "0 € / €0");
        String text = String.join(" ", lines);
        assertTrue(text.contains("Inscription remboursée en totalité : ce reçu ne justifie plus aucune dépense. / "
                + "Entry refunded in full: this receipt no longer proves any expense."), text);
    }

    @Test
    void aReceiptWithoutBibOrAddressInAnotherCurrencyWritesItsCode() throws IOException {
        Receipt receipt = new Receipt(new Receipt.Issuer("Black Pyramids Trail", null), "R-2027-000007", PAID,
                ZoneId.of("America/Denver"), new Receipt.Payer("Sam Lee", null), "Ultra 100 mi", null,
                List.of(new Receipt.Line("Entry", 15000)), 15000, Currency.getInstance("USD"),
                new Receipt.Settlement(PaymentMethod.TRANSFER, null), List.of());
        List<String> lines = lines(pdf.write(receipt));

        assertTrue(lines.contains("Payé le / Paid on : 1 mars 2027 à 06:05 / 1 March 2027, 06:05"), lines::toString);
        assertTrue(lines.contains("Payé par / Paid by : Sam Lee"), lines::toString);
        assertFalse(lines.stream().anyMatch(l -> l.startsWith("Dossard")), lines::toString);
        assertLine(lines, "Montant payé / Amount paid", "150 USD / USD 150");
    }

    @Test
    void aLongReceiptGoesOnToAnotherPageWithEveryLine() throws IOException {
        List<Receipt.Line> lines = IntStream.rangeClosed(1, 60)
                .mapToObj(i -> new Receipt.Line("Option " + i, 100)).toList();
        Receipt receipt = new Receipt(ISSUER, "R-2027-000124", PAID, PARIS, new Receipt.Payer("Club de Lens", null),
                "La Noire 52 km", null, lines, 6000, EUR, new Receipt.Settlement(PaymentMethod.TRANSFER, null),
                List.of());
        byte[] bytes = pdf.write(receipt);
        try (PDDocument document = Loader.loadPDF(bytes)) {
            assertEquals(2, document.getNumberOfPages());
        }
        List<String> text = lines(bytes);
        assertLine(text, "Option 60", "1 € / €1");
        assertLine(text, "Montant payé / Amount paid", "60 € / €60");
    }

    @Test
    void aReceiptWhoseLinesDoNotAddUpOrWhoseRefundsExceedThePaymentIsRefused() {
        Receipt.Settlement card = new Receipt.Settlement(PaymentMethod.CARD, "pi_1");
        assertEquals("receipt R-1: its lines add up to 9500 cents, not the 9000 paid",
                assertThrows(IllegalArgumentException.class, () -> new Receipt(ISSUER, "R-1", PAID, PARIS,
                        new Receipt.Payer("A", null), "Race", null, List.of(new Receipt.Line("Entry", 9500)), 9000,
                        EUR, card, List.of())).getMessage());
        assertEquals("receipt R-1: refunds of 9600 cents exceed the 9500 paid",
                assertThrows(IllegalArgumentException.class, () -> new Receipt(ISSUER, "R-1", PAID, PARIS,
                        new Receipt.Payer("A", null), "Race", null, List.of(new Receipt.Line("Entry", 9500)), 9500,
                        EUR, card, List.of(new Receipt.Refunded(PAID, 9600)))).getMessage());
        assertThrows(IllegalArgumentException.class, () -> new Receipt.Settlement(PaymentMethod.CARD, null));
    }
}
