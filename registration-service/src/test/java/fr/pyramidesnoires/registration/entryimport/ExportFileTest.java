package fr.pyramidesnoires.registration.entryimport;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class ExportFileTest {

    @Test
    void semicolonsWithABomAndWindowsLineBreaks() {
        assertEquals(List.of(new ExportFile.Row(1, List.of("Nom", "Prénom")),
                        new ExportFile.Row(2, List.of("Dupont", "Marie"))),
                ExportFile.rows("\uFEFFNom;Prénom\r\nDupont;Marie\r\n"));
    }

    @Test
    void commasWhenTheHeaderHasMoreOfThem() {
        assertEquals(List.of(List.of("First Name", "Last Name", "Team"), List.of("Sarah", "O'Neil", "A; B")),
                ExportFile.rows("First Name,Last Name,Team\nSarah,O'Neil,A; B\n").stream()
                        .map(ExportFile.Row::cells).toList());
    }

    @Test
    void quotedCellsKeepTheirSeparatorsQuotesAndLineBreaksAndTheNextRowKeepsItsLineNumber() {
        assertEquals(List.of(new ExportFile.Row(1, List.of("a", "b")),
                        new ExportFile.Row(2, List.of("Club \"Les Terrils\"; Loos", "rue\ndu 9")),
                        new ExportFile.Row(4, List.of("x", "y"))),
                ExportFile.rows("a;b\n\"Club \"\"Les Terrils\"\"; Loos\";\"rue\ndu 9\"\nx;y"));
    }

    @Test
    void blankLinesAreNoRowsButCountAsLines() {
        assertEquals(List.of(new ExportFile.Row(1, List.of("a", "b")), new ExportFile.Row(4, List.of("c", "d"))),
                ExportFile.rows("a;b\n\n;\nc;d\n\n"));
    }

    @Test
    void aLoneCarriageReturnEndsALineToo() {
        assertEquals(List.of(new ExportFile.Row(1, List.of("a")), new ExportFile.Row(2, List.of("b"))),
                ExportFile.rows("a\rb"));
    }
}
