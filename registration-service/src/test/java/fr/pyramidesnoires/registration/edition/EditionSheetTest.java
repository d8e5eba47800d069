package fr.pyramidesnoires.registration.edition;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.pyramidesnoires.events.EntryEvent.Sex;
import fr.pyramidesnoires.events.EventJson;
import fr.pyramidesnoires.events.PastResults;
import fr.pyramidesnoires.events.PastResults.Row;
import fr.pyramidesnoires.events.PastResults.Status;
import fr.pyramidesnoires.problem.Problem;
import fr.pyramidesnoires.problem.ProblemException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** How an edition's results file is read: the organiser's columns, times, statuses, and every fault at once. */
class EditionSheetTest {

    private static final String HEADER = "Clt;Dossard;Nom;Prénom;Sexe;Cat;Club;Nat;Temps\n";

    private static PastResults read(String csv) {
        return EditionSheet.read(2019, "55K", "Trail 55", "55", null, csv).results();
    }

    private static List<Problem.FieldError> faults(String columns, String csv) {
        return assertThrows(ProblemException.class,
                () -> EditionSheet.read(2019, "55K", "Trail 55", "55", columns, csv)).problem().errors();
    }

    @Test
    void aFrenchFileIsReadWithTheDefaultColumns() {
        PastResults results = read(HEADER
                + "1;512;Delattre;Camille;F;SE;RC Lensois;FRA;3:05:12\n"
                + "2;530;Lefebvre;Jean-Marc;H;M1;;BEL;03:10:00.4\n"
                + "Ab;541;Nowak;Piotr;M;M2;;POL;Abandon\n");

        assertEquals(new PastResults(2019, "55K", "Trail 55", 55, List.of(
                new Row(1, 512, "Delattre", "Camille", Sex.F, "SE", "RC Lensois", "FRA", 11_112_000L, Status.FINISHED),
                new Row(2, 530, "Lefebvre", "Jean-Marc", Sex.H, "M1", null, "BEL", 11_400_400L, Status.FINISHED),
                new Row(null, 541, "Nowak", "Piotr", Sex.H, "M2", null, "POL", null, Status.DNF))), results);
    }

    @Test
    void theOrganisersMappingNamesOtherHeadersAndKeepsTheDefaultsForTheRest() {
        EditionSheet.Read read = EditionSheet.read(2016, "22K", null, null,
                "time:Temps officiel,raceName:Epreuve,distanceKm:Km", "\uFEFFDossard;Nom;Prénom;Sexe;Epreuve;Km;"
                        + "Temps officiel;Temps\r\n7;Roux;Léa;F;La 22;22,5 km;1:59:59;2:00:03\r\n");

        assertEquals("La 22", read.results().raceName());
        assertEquals(22.5, read.results().distanceKm());
        assertEquals(7_199_000L, read.results().rows().get(0).timeMs());
        assertEquals(List.of(new EditionSheet.Ignored("Temps", "aucun champ ne la lit / no field reads it")),
                read.ignored());
    }

    @Test
    void withoutARankColumnFinishersAreRankedByTimeTiesSharingTheirRank() {
        PastResults results = read("Dossard;Nom;Prénom;Sexe;Temps\n3;C;C;F;2:00:00\n1;A;A;H;1:00:00\n"
                + "4;D;D;H;DNS\n2;B;B;H;1:00:00\n5;E;E;F;3:00:00\n");

        assertEquals(List.of(1, 2, 3, 5, 4), results.rows().stream().map(Row::bib).toList());
        assertEquals(Arrays.asList(1, 1, 3, 4, null), results.rows().stream().map(Row::rank).toList());
        assertEquals(Status.DNS, results.rows().get(4).status());
    }

    @Test
    void statusesComeFromTheirColumnOrFromAWordWhereTheTimeOrRankWouldBe() {
        PastResults results = read("Clt;Dossard;Nom;Prénom;Sexe;Temps;Statut\n1;1;A;A;F;1:00:00;Arrivé\n"
                + ";2;B;B;F;;DSQ\nDNF;3;C;C;F;;\n;4;D;D;F;Non partant;\n;5;E;E;F;2:10:00;abandon\n");

        assertEquals(List.of(Status.FINISHED, Status.DSQ, Status.DNF, Status.DNS, Status.DNF),
                results.rows().stream().map(Row::status).toList());
        assertEquals(Arrays.asList(3_600_000L, null, null, null, null),
                results.rows().stream().map(Row::timeMs).toList());
    }

    @Test
    void aWithheldNameIsPublishedWithoutOne() {
        Row row = read(HEADER + "1;512;;;F;SE;;;3:05:12\n").rows().get(0);

        assertEquals(null, row.lastName());
        assertEquals(null, row.firstName());
    }

    @Test
    void personalDataColumnsAreNeitherReadNorPublishedAndAreNamed() {
        EditionSheet.Read read = EditionSheet.read(2019, "55K", "Trail 55", "55", null,
                "Clt;Dossard;Nom;Prénom;Sexe;Date de naissance;E-mail;Tél.;Portable;An;Temps\n"
                        + "1;512;Delattre;Camille;F;1990-05-14;camille@example.org;+33 6 12 34 56 78;0612345678;1990;"
                        + "3:05:12\n");

        assertEquals(List.of("Date de naissance", "E-mail", "Tél.", "Portable", "An"),
                read.ignored().stream().map(EditionSheet.Ignored::column).toList());
        assertTrue(read.ignored().stream().allMatch(i -> i.why().contains("personal data")), read.ignored()::toString);
        String published = EventJson.write(read.results());
        for (String personal : List.of("1990", "camille@example.org", "12 34", "0612345678")) {
            assertFalse(published.contains(personal), published);
        }
    }

    @Test
    void aMappingOntoAPersonalColumnOrOfAPrivateFieldIsRefused() {
        List<Problem.FieldError> faults = faults("club:Email,birthDate:Naissance",
                HEADER.replace("Club", "Email") + "1;512;Delattre;Camille;F;SE;a@b.fr;FRA;3:05:12\n");

        assertEquals(List.of("columns", "ligne 1 / line 1"), faults.stream().map(Problem.FieldError::field).toList());
        assertTrue(faults.get(0).message().contains("birthDate"), faults.toString());
        assertTrue(faults.get(1).message().contains("Email holds personal data"), faults.toString());
    }

    @Test
    void everyFaultyLineIsAnsweredTogetherWithItsNumber() {
        List<Problem.FieldError> faults = faults(null, HEADER
                + "1;512;Delattre;Camille;F;SE;;FRA;3:05:12\n"
                + "\n"
                + "2;512;Roux;Léa;F;SE;;FRA;3:06:00\n"
                + "3;513;Roux;Zoé;Y;SE;;FRA;3:07:00\n"
                + "4;514;Morel;Paul;H;SE;;FRA;3h08\n"
                + "5;0;Morel;Luc;H;SE;;FRA;3:09:00\n"
                + "x;516;Morel;Jean;H;SE;;FRA;3:10:00\n"
                + "7;517;;Anne;F;SE;;FRA;3:11:00\n"
                + "8;518;Evil\u202Ename;Anne;F;SE;;FRA;3:12:00\n");

        assertEquals(List.of("ligne 4 / line 4", "ligne 5 / line 5", "ligne 6 / line 6", "ligne 7 / line 7",
                "ligne 8 / line 8", "ligne 9 / line 9", "ligne 10 / line 10"),
                faults.stream().map(Problem.FieldError::field).toList());
        assertTrue(faults.get(0).message().contains("bib 512 already on line 2"), faults.toString());
        assertTrue(faults.get(1).message().contains("sex 'Y'"), faults.toString());
        assertTrue(faults.get(2).message().contains("time 3h08"), faults.toString());
        assertTrue(faults.get(3).message().contains("bib 0"), faults.toString());
        assertTrue(faults.get(4).message().contains("rank x"), faults.toString());
    }

    @Test
    void parametersAndRequiredColumnsAreNamed() {
        ProblemException refused = assertThrows(ProblemException.class,
                () -> EditionSheet.read(1800, "55/K", null, "loin", "lap:Tour", "Dossard;Nom\n1;A\n"));

        assertEquals(422, refused.problem().status());
        List<String> fields = refused.problem().errors().stream().map(Problem.FieldError::field).toList();
        assertEquals(List.of("year", "race", "columns", "ligne 1 / line 1", "ligne 1 / line 1", "ligne 1 / line 1"),
                fields);
        List<Problem.FieldError> withoutRace = assertThrows(ProblemException.class, () -> EditionSheet.read(2019,
                "55K", " ", null, null, "Dossard;Nom;Prénom;Sexe;Temps\n1;A;B;F;1:00:00\n")).problem().errors();
        assertEquals(List.of("raceName", "distanceKm"), withoutRace.stream().map(Problem.FieldError::field).toList());
    }

    @Test
    void aRaceOf2000RunnersFitsInOneMessageAndAFarLargerOneIsRefused() {
        StringBuilder csv = new StringBuilder(HEADER);
        for (int bib = 1; bib <= 2000; bib++) {
            csv.append(bib).append(';').append(bib).append(";Vandenbroucke-Delacroix;Marie-Christine;F;M3;"
                    + "Association Sportive des Coureurs du Bassin Minier;FRA;12:34:56.7\n");
        }
        PastResults results = read(csv.toString());
        assertTrue(EventJson.write(results).getBytes(StandardCharsets.UTF_8).length < PastResults.MAX_BYTES / 2);

        StringBuilder huge = new StringBuilder(HEADER);
        for (int bib = 1; bib <= 6000; bib++) {
            huge.append(bib).append(';').append(bib).append(";Vandenbroucke-Delacroix;Marie-Christine;F;M3;"
                    + "Association Sportive des Coureurs du Bassin Minier;FRA;12:34:56.7\n");
        }
        ProblemException refused = assertThrows(ProblemException.class, () -> read(huge.toString()));
        assertTrue(refused.problem().type().endsWith("past-results-too-large"), refused.problem().toString());
    }
}
