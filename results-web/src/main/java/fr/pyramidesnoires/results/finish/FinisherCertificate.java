package fr.pyramidesnoires.results.finish;

import fr.pyramidesnoires.events.EntryEvent;
import fr.pyramidesnoires.results.race.Group;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.text.Normalizer;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;

/**
 * A finisher's certificate: one landscape A4 page, French first then English, lines centred. Helvetica, which every
 * PDF reader has, so nothing is embedded; a letter its WinAnsi encoding lacks (a name in another script) is written
 * without its accent or bar, or as a question mark, rather than failing the certificate.
 *
 * @param name null for a runner who refused publication of their name: the certificate then says the bib alone
 * @param time the official time as the ranking writes it
 */
public record FinisherCertificate(String eventName, String raceName, String name, int bib, String time,
                                  Placings.Placing placing, Group group, LocalDate raceDay) {

    private static final DateTimeFormatter FRENCH_DAY = DateTimeFormatter.ofPattern("EEEE d MMMM yyyy", Locale.FRENCH);
    private static final DateTimeFormatter ENGLISH_DAY = DateTimeFormatter.ofPattern("EEEE d MMMM yyyy",
            Locale.ENGLISH);
    private static final PDRectangle LANDSCAPE = new PDRectangle(PDRectangle.A4.getHeight(), PDRectangle.A4.getWidth());

    public byte[] pdf() {
        try (PDDocument document = new PDDocument()) {
            document.getDocumentInformation().setTitle("Diplôme / Certificate " + raceName + " " + bib);
            PDPage page = new PDPage(LANDSCAPE);
            document.addPage(page);
            PDFont regular = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
            PDFont bold = new PDType1Font(Standard14Fonts.FontName.HELVETICA_BOLD);
            try (PDPageContentStream content = new PDPageContentStream(document, page)) {
                Lines lines = new Lines(content, LANDSCAPE.getHeight() - 70);
                lines.centred(bold, 30, eventName);
                lines.centred(regular, 16, "Diplôme de finisher / Finisher certificate");
                lines.gap(20);
                lines.centred(bold, 24, raceName);
                lines.centred(regular, 14, FRENCH_DAY.format(raceDay) + " / " + ENGLISH_DAY.format(raceDay));
                lines.gap(24);
                lines.centred(bold, 36, name == null ? "Dossard " + bib + " / Bib " + bib : name);
                lines.centred(regular, 14, "Dossard / Bib " + bib);
                lines.gap(20);
                lines.centred(bold, 22, "Temps officiel / Official time : " + time);
                lines.gap(8);
                lines.centred(regular, 16, "Classement général / Overall : " + placing.overall());
                lines.centred(regular, 16, sexRanking(group.sex()) + " : " + placing.sex());
                lines.centred(regular, 16, "Catégorie / Category " + group.label() + " : " + placing.category());
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            document.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("certificate of bib " + bib + " could not be written", e);
        }
    }

    private static String sexRanking(EntryEvent.Sex sex) {
        return switch (sex) {
            case F -> "Classement femmes / Women";
            case H -> "Classement hommes / Men";
            case X -> "Classement non-binaire / Non-binary";
        };
    }

    /** Where the next centred line goes down the page. */
    private static final class Lines {
        private final PDPageContentStream content;
        private float baseline;

        Lines(PDPageContentStream content, float top) {
            this.content = content;
            this.baseline = top;
        }

        void gap(float points) {
            baseline -= points;
        }

        void centred(PDFont font, float size, String text) throws IOException {
            String shown = inFont(font, text);
            float width = font.getStringWidth(shown) / 1000 * size;
            baseline -= size * 1.3f;
            content.beginText();
            content.setFont(font, size);
            content.newLineAtOffset((LANDSCAPE.getWidth() - width) / 2, baseline);
            content.showText(shown);
            content.endText();
        }
    }

    /** The text as the font can write it: each letter it lacks without its accents, else a question mark. */
    static String inFont(PDFont font, String text) {
        StringBuilder shown = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); ) {
            int letter = text.codePointAt(i);
            i += Character.charCount(letter);
            String as = Character.isWhitespace(letter) ? " " : Character.toString(letter);
            if (!has(font, as)) {
                String bare = switch (letter) {
                    // barred letters, as in Polish names common in the mining basin, have no accent to take off
                    case 'Ł' -> "L";
                    case 'ł' -> "l";
                    case 'Đ' -> "D";
                    case 'đ' -> "d";
                    default -> Normalizer.normalize(as, Normalizer.Form.NFKD).replaceAll("\\p{Mn}+", "");
                };
                as = !bare.isEmpty() && has(font, bare) ? bare : "?";
            }
            shown.append(as);
        }
        return shown.toString();
    }

    private static boolean has(PDFont font, String text) {
        try {
            font.encode(text);
            return true;
        } catch (IOException | IllegalArgumentException e) {
            return false;
        }
    }
}
