package fr.pyramidesnoires.registration.results;

import static org.junit.jupiter.api.Assertions.assertEquals;

import fr.pyramidesnoires.events.EntryEvent;
import fr.pyramidesnoires.events.RunnerTiming.Status;
import fr.pyramidesnoires.registration.results.FederationFiles.Runner;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class FederationFilesTest {

    private static Runner runner(int bib, String name, EntryEvent.Sex sex, Status status, Long gunTimeMs) {
        return new Runner(bib, name, "Alex", sex, "SE", LocalDate.of(1995, 6, 1), "=Club", "123456", "FRA", status,
                gunTimeMs);
    }

    private static final List<Runner> RACE = List.of(
            runner(7, "Absent", EntryEvent.Sex.F, Status.DNS, null),
            runner(6, "Jamais-vu", EntryEvent.Sex.H, null, null),
            runner(5, "Parti", EntryEvent.Sex.F, Status.NOT_STARTED, null),
            runner(4, "Exclu", EntryEvent.Sex.H, Status.DSQ, null),
            runner(3, "Abandon", EntryEvent.Sex.X, Status.DNF, null),
            runner(9, "Encore", EntryEvent.Sex.H, Status.ON_COURSE, null),
            runner(2, "Second", EntryEvent.Sex.H, Status.FINISHED, 90_061_999L),
            runner(8, "Ex-aequo", EntryEvent.Sex.F, Status.FINISHED, 90_061_999L),
            runner(1, "Premier", EntryEvent.Sex.F, Status.FINISHED, 3_599_000L),
            runner(10, "Dernier", EntryEvent.Sex.H, Status.FINISHED, 90_062_000L));

    @Test
    void ffaRanksFinishersByGunTimeThenEveryOtherRunnerWithTheirStatus() {
        assertEquals("""
                Classement;Dossard;Nom;Prénom;Sexe;Catégorie;Année de naissance;Club;Numéro de licence;Nationalité;Temps
                1;1;Premier;Alex;F;SE;1995;'=Club;123456;FRA;00:59:59
                2;2;Second;Alex;M;SE;1995;'=Club;123456;FRA;25:01:01
                2;8;Ex-aequo;Alex;F;SE;1995;'=Club;123456;FRA;25:01:01
                4;10;Dernier;Alex;M;SE;1995;'=Club;123456;FRA;25:01:02
                ON_COURSE;9;Encore;Alex;M;SE;1995;'=Club;123456;FRA;
                DNF;3;Abandon;Alex;X;SE;1995;'=Club;123456;FRA;
                DSQ;4;Exclu;Alex;M;SE;1995;'=Club;123456;FRA;
                DNS;5;Parti;Alex;F;SE;1995;'=Club;123456;FRA;
                DNS;6;Jamais-vu;Alex;M;SE;1995;'=Club;123456;FRA;
                DNS;7;Absent;Alex;F;SE;1995;'=Club;123456;FRA;
                """, FederationFiles.ffa(RACE));
    }

    @Test
    void itraLeavesOutWhoDidNotStart() {
        assertEquals("""
                Ranking;Time;Family name;First name;Gender;Birthdate;Nationality;Bib number
                1;00:59:59;Premier;Alex;F;1995-06-01;FRA;1
                2;25:01:01;Second;Alex;M;1995-06-01;FRA;2
                2;25:01:01;Ex-aequo;Alex;F;1995-06-01;FRA;8
                4;25:01:02;Dernier;Alex;M;1995-06-01;FRA;10
                ON_COURSE;;Encore;Alex;M;1995-06-01;FRA;9
                DNF;;Abandon;Alex;X;1995-06-01;FRA;3
                DSQ;;Exclu;Alex;M;1995-06-01;FRA;4
                """, FederationFiles.itra(RACE));
    }

    @Test
    void aFinisherWithoutAGunTimeIsNotRankedAndSaysSo() {
        assertEquals("""
                Ranking;Time;Family name;First name;Gender;Birthdate;Nationality;Bib number
                FINISHED;;Premier;Alex;F;1995-06-01;FRA;1
                """, FederationFiles.itra(List.of(runner(1, "Premier", EntryEvent.Sex.F, Status.FINISHED, null))));
    }
}
