package fr.pyramidesnoires.results.finish;

import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.pyramidesnoires.events.EntryEvent;
import fr.pyramidesnoires.results.race.Group;
import java.io.IOException;
import java.time.LocalDate;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

class FinisherCertificateTest {

    @Test
    void aNameTheFontCannotWriteIsWrittenWithoutAccentsRatherThanFailing() throws IOException {
        String text = text(new FinisherCertificate("Trail des Pyramides Noires", "Trail des Terrils 35 km",
                "WAŁĘSA Łucja 明", 7, "4:12:09", new Placings.Placing(12, 3, 1),
                new Group("M2", EntryEvent.Sex.F), LocalDate.of(2027, 3, 20)));

        assertTrue(text.contains("WALESA Lucja ?"), text);
        assertTrue(text.contains("Temps officiel / Official time : 4:12:09"), text);
        assertTrue(text.contains("Classement général / Overall : 12"), text);
        assertTrue(text.contains("Classement femmes / Women : 3"), text);
        assertTrue(text.contains("Catégorie / Category M2-F : 1"), text);
        assertTrue(text.contains("samedi 20 mars 2027 / Saturday 20 March 2027"), text);
    }

    @Test
    void aNonBinaryRunnerWhoWithheldTheirNameIsCertifiedByBibInTheirOwnDivision() throws IOException {
        String text = text(new FinisherCertificate("Trail des Pyramides Noires", "Trail des Terrils 35 km", null, 8,
                "5:00:00", new Placings.Placing(20, 1, 1), new Group("SE", EntryEvent.Sex.X),
                LocalDate.of(2027, 3, 20)));

        assertTrue(text.contains("Dossard 8 / Bib 8"), text);
        assertTrue(text.contains("Classement non-binaire / Non-binary : 1"), text);
        assertTrue(text.contains("Catégorie / Category SE-X : 1"), text);
    }

    private static String text(FinisherCertificate certificate) throws IOException {
        try (PDDocument document = Loader.loadPDF(certificate.pdf())) {
            return new PDFTextStripper().getText(document);
        }
    }
}
