package fr.pyramidesnoires.registration.treasury;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.text.Normalizer;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;

/**
 * A payment's receipt as a one-page A4 PDF, French first then English. Helvetica, one of the fonts every PDF reader
 * has, so nothing is embedded; its WinAnsi encoding writes French accents and the euro sign, and any other
 * character, such as a name in another script, is written as its base letter or a question mark rather than
 * failing the receipt.
 */
public final class ReceiptPdf {

    private static final float MARGIN = 50;
    private static final float SIZE = 10;
    private static final float LEADING = 14;
    private static final DateTimeFormatter FRENCH_DATE = DateTimeFormatter.ofPattern("d MMMM yyyy 'à' HH:mm",
            Locale.FRENCH);
    private static final DateTimeFormatter ENGLISH_DATE = DateTimeFormatter.ofPattern("d MMMM yyyy, HH:mm",
            Locale.ENGLISH);
    private static final DateTimeFormatter SHORT_DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");
    /** Letters that Unicode does not decompose into a base letter and a mark. */
    private static final Map<Integer, String> BASE_LETTERS = Map.of((int) 'Ł', "L", (int) 'ł', "l",
            (int) 'Đ', "D", (int) 'đ', "d", (int) 'Ħ', "H", (int) 'ħ', "h", (int) 'ı', "i", (int) '−', "-");

    public byte[] write(Receipt receipt) {
        try (PDDocument document = new PDDocument()) {
            document.getDocumentInformation().setTitle("Reçu / Receipt " + receipt.number());
            Page page = new Page(document);
            content(receipt, page);
            page.close();
            ByteArrayOutputStream pdf = new ByteArrayOutputStream();
            document.save(pdf);
            return pdf.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("receipt " + receipt.number() + " could not be written", e);
        }
    }

    private static void content(Receipt receipt, Page page) throws IOException {
        page.text(page.bold, 14, receipt.issuer().name());
        if (receipt.issuer().addressLine() != null) {
            page.text(page.regular, SIZE, receipt.issuer().addressLine());
        }
        page.skip(2);
        page.text(page.bold, 18, "Reçu / Receipt");
        page.skip(1);
        page.field("N° / No.", receipt.number());
        page.field("Payé le / Paid on", date(receipt.paidAt(), receipt.zone()));
        page.field("Payé par / Paid by", receipt.payer().name()
                + (receipt.payer().email() == null ? "" : " <" + receipt.payer().email() + ">"));
        page.field("Course / Race", receipt.raceName());
        if (receipt.bib() != null) {
            page.field("Dossard / Bib", receipt.bib().toString());
        }
        page.field("Moyen de paiement / Payment method", settlement(receipt.settlement()));
        page.skip(1);
        for (Receipt.Line line : receipt.lines()) {
            page.amount(page.regular, line.label(), Cents.bilingual(line.amountCents(), receipt.currency()));
        }
        page.rule();
        page.amount(page.bold, "Montant payé / Amount paid",
                Cents.bilingual(receipt.totalCents(), receipt.currency()));
        if (!receipt.refunds().isEmpty()) {
            page.skip(1);
            page.text(page.bold, SIZE, "Remboursements / Refunds");
            for (Receipt.Refunded refund : receipt.refunds()) {
                String on = refund.at().atZone(receipt.zone()).format(SHORT_DATE);
                page.amount(page.regular, "Remboursé le " + on + " / Refunded on " + on,
                        Cents.bilingual(-refund.amountCents(), receipt.currency()));
            }
            page.rule();
            page.amount(page.bold, "Reste payé / Paid after refunds",
                    Cents.bilingual(receipt.totalCents() - receipt.refundedCents(), receipt.currency()));
        }
        if (receipt.refundedInFull()) {
            page.skip(1);
            page.paragraph(page.bold, "Inscription remboursée en totalité : ce reçu ne justifie plus aucune "
                    + "dépense. / Entry refunded in full: this receipt no longer proves any expense.");
        }
    }

    private static String date(Instant at, ZoneId zone) {
        return at.atZone(zone).format(FRENCH_DATE) + " / " + at.atZone(zone).format(ENGLISH_DATE);
    }

    private static String settlement(Receipt.Settlement settlement) {
        PaymentMethod method = settlement.method();
        String how = method.offline()
                ? method.french() + ", enregistré par l'organisation / " + method.english() + ", recorded by the organiser"
                : "Carte bancaire, par le prestataire de paiement / Card, through the payment provider";
        return settlement.reference() == null ? how : how + " (réf. / ref. " + settlement.reference() + ")";
    }

    /** The text with each character Helvetica cannot write replaced, so that no runner's name stops a receipt. */
    static String writable(PDFont font, String text) {
        StringBuilder out = new StringBuilder();
        text.codePoints().forEach(c -> out.append(writable(font, c)));
        return out.toString();
    }

    private static String writable(PDFont font, int c) {
        if (Character.isISOControl(c) || Character.isWhitespace(c)) {
            return " ";
        }
        String character = Character.toString(c);
        if (encodes(font, character)) {
            return character;
        }
        String base = BASE_LETTERS.getOrDefault(c,
                Normalizer.normalize(character, Normalizer.Form.NFD).replaceAll("\\p{M}", ""));
        return !base.isEmpty() && !base.equals(character) && encodes(font, base) ? base : "?";
    }

    private static boolean encodes(PDFont font, String text) {
        try {
            font.encode(text);
            return true;
        } catch (IllegalArgumentException | IOException e) {
            return false;
        }
    }

    /** Where the next line goes; a receipt long with lines or refunds goes on to another page. */
    private static final class Page {
        private final PDDocument document;
        private final PDFont regular = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
        private final PDFont bold = new PDType1Font(Standard14Fonts.FontName.HELVETICA_BOLD);
        private final float width = PDRectangle.A4.getWidth() - 2 * MARGIN;
        private PDPageContentStream stream;
        private float y;

        Page(PDDocument document) throws IOException {
            this.document = document;
            next();
        }

        private void next() throws IOException {
            if (stream != null) {
                stream.close();
            }
            PDPage page = new PDPage(PDRectangle.A4);
            document.addPage(page);
            stream = new PDPageContentStream(document, page);
            y = PDRectangle.A4.getHeight() - MARGIN;
        }

        private void room(float height) throws IOException {
            if (y - height < MARGIN) {
                next();
            }
        }

        void text(PDFont font, float size, String text) throws IOException {
            room(size * 1.4f);
            y -= size * 1.4f;
            show(font, size, MARGIN, writable(font, text));
        }

        void skip(int lines) {
            y -= lines * LEADING / 2;
        }

        void field(String label, String value) throws IOException {
            paragraph(regular, label + " : " + value);
        }

        /** Wrapped to the page's width at spaces. */
        void paragraph(PDFont font, String text) throws IOException {
            for (String line : wrapped(font, writable(font, text), width)) {
                room(LEADING);
                y -= LEADING;
                show(font, SIZE, MARGIN, line);
            }
        }

        /** A label on the left, wrapped short of the amount, and the amount against the right margin. */
        void amount(PDFont font, String label, String amount) throws IOException {
            String written = writable(font, amount);
            float amountWidth = width(font, written);
            List<String> lines = wrapped(font, writable(font, label), width - amountWidth - 20);
            room(LEADING * lines.size());
            for (int i = 0; i < lines.size(); i++) {
                y -= LEADING;
                show(font, SIZE, MARGIN, lines.get(i));
                if (i == 0) {
                    show(font, SIZE, MARGIN + width - amountWidth, written);
                }
            }
        }

        void rule() throws IOException {
            room(LEADING / 2);
            y -= LEADING / 3;
            stream.setLineWidth(0.5f);
            stream.moveTo(MARGIN, y);
            stream.lineTo(MARGIN + width, y);
            stream.stroke();
        }

        private void show(PDFont font, float size, float x, String text) throws IOException {
            stream.beginText();
            stream.setFont(font, size);
            stream.newLineAtOffset(x, y);
            stream.showText(text);
            stream.endText();
        }

        private static List<String> wrapped(PDFont font, String text, float room) throws IOException {
            List<String> lines = new ArrayList<>();
            StringBuilder line = new StringBuilder();
            for (String word : text.split(" ")) {
                String longer = line.isEmpty() ? word : line + " " + word;
                if (!line.isEmpty() && width(font, longer) > room) {
                    lines.add(line.toString());
                    line.setLength(0);
                    line.append(word);
                } else {
                    line.setLength(0);
                    line.append(longer);
                }
            }
            lines.add(line.toString());
            return lines;
        }

        private static float width(PDFont font, String text) throws IOException {
            return font.getStringWidth(text) / 1000 * SIZE;
        }

        void close() throws IOException {
            stream.close();
        }
    }
}
