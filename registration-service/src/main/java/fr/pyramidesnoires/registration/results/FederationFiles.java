package fr.pyramidesnoires.registration.results;

import fr.pyramidesnoires.csv.CsvLine;
import fr.pyramidesnoires.events.EntryEvent;
import fr.pyramidesnoires.events.RunnerTiming;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * A race's results as the federations take them: the FFA's results upload and the ITRA / UTMB Index results file.
 * Finishers are ranked by gun time (the official time), then come those who did not finish, with their status.
 * Every runner is there by name, those who refused publication on the results pages too: a federation's ranking
 * needs to know who ran. The columns are what the README says is assumed of each federation's template.
 */
public final class FederationFiles {

    /**
     * One runner of the race, with timing's last word on them.
     *
     * @param status    null when timing never published the runner
     * @param gunTimeMs null until finished
     */
    public record Runner(int bib, String lastName, String firstName, EntryEvent.Sex sex, String category,
                         LocalDate birthDate, String club, String licenceNumber, String nationality,
                         RunnerTiming.Status status, Long gunTimeMs) {

        boolean finished() {
            return status == RunnerTiming.Status.FINISHED && gunTimeMs != null;
        }

        /**
         * What a federation calls a runner without a rank: never started (or never seen by timing), did not
         * finish, disqualified; a runner still on course, or finished before any start signal was given, keeps
         * timing's word for it, so that a file exported too early says so.
         */
        String outcome() {
            if (status == null || status == RunnerTiming.Status.NOT_STARTED) {
                return RunnerTiming.Status.DNS.name();
            }
            return status.name();
        }
    }

    /** The ranking order: finishers by gun time, then those on course, DNF, DSQ and DNS, each by bib. */
    private static final Comparator<Runner> ORDER = Comparator.comparing((Runner r) -> !r.finished())
            .thenComparing(r -> r.finished() ? r.gunTimeMs() : 0L)
            .thenComparing(r -> r.finished() ? 0 : List.of("ON_COURSE", "FINISHED", "DNF", "DSQ", "DNS")
                    .indexOf(r.outcome()))
            .thenComparingInt(Runner::bib);

    private FederationFiles() {
    }

    /** The FFA's results file: rank, bib, names, sex, category, birth year, club, licence, nationality, time. */
    public static String ffa(List<Runner> runners) {
        StringBuilder file = new StringBuilder(CsvLine.of("Classement", "Dossard", "Nom", "Prénom", "Sexe",
                "Catégorie", "Année de naissance", "Club", "Numéro de licence", "Nationalité", "Temps"));
        for (Ranked ranked : ranked(runners)) {
            Runner r = ranked.runner();
            file.append(CsvLine.of(ranked.rank(), r.bib(), r.lastName(), r.firstName(), sex(r.sex()), r.category(),
                    r.birthDate().getYear(), r.club(), r.licenceNumber(), r.nationality(), time(r)));
        }
        return file.toString();
    }

    /**
     * The ITRA results file's columns, in English as its template has them; a runner who did not start is left
     * out, as ITRA asks, and one who did not finish has DNF for a rank and no time.
     */
    public static String itra(List<Runner> runners) {
        StringBuilder file = new StringBuilder(CsvLine.of("Ranking", "Time", "Family name", "First name", "Gender",
                "Birthdate", "Nationality", "Bib number"));
        for (Ranked ranked : ranked(runners)) {
            Runner r = ranked.runner();
            if (!r.outcome().equals(RunnerTiming.Status.DNS.name())) {
                file.append(CsvLine.of(ranked.rank(), time(r), r.lastName(), r.firstName(), sex(r.sex()),
                        r.birthDate(), r.nationality(), r.bib()));
            }
        }
        return file.toString();
    }

    private record Ranked(Object rank, Runner runner) {
    }

    /** Finishers numbered from 1, runners with one time sharing a rank; the others named by their outcome. */
    private static List<Ranked> ranked(List<Runner> runners) {
        List<Runner> ordered = runners.stream().sorted(ORDER).toList();
        List<Ranked> ranked = new ArrayList<>();
        for (int i = 0; i < ordered.size(); i++) {
            Runner r = ordered.get(i);
            Object rank = r.outcome();
            if (r.finished()) {
                boolean tied = i > 0 && r.gunTimeMs().equals(ordered.get(i - 1).gunTimeMs());
                rank = tied ? ranked.get(i - 1).rank() : Integer.valueOf(i + 1);
            }
            ranked.add(new Ranked(rank, r));
        }
        return ranked;
    }

    /** M and F as both federations write them; X as it is, for the organiser to settle with the federation. */
    private static String sex(EntryEvent.Sex sex) {
        return sex == EntryEvent.Sex.H ? "M" : sex.name();
    }

    /** hh:mm:ss of the gun time, the seconds begun not counted, hours past 24 on an ultra; empty without one. */
    private static String time(Runner r) {
        if (!r.finished()) {
            return null;
        }
        long seconds = r.gunTimeMs() / 1000;
        return String.format("%02d:%02d:%02d", seconds / 3600, seconds / 60 % 60, seconds % 60);
    }
}
