package fr.pyramidesnoires.results.ranking;

import fr.pyramidesnoires.events.RunnerTiming.Status;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Test runners on the 110 km, timed on the race clock ("h:mm:ss" after the start signal) the way the results page
 * shows it. The timing points are a sample course, not the organiser's.
 */
final class Runner {

    static final Instant START_SIGNAL = OffsetDateTime.parse("2027-03-20T05:00:00+01:00").toInstant();

    static final int START = 0;
    static final int PINCHONVALLES = 4;
    static final int TERRILS_JUMEAUX_LOOS = 8;
    static final int BASE_11_19 = 9;
    static final int HARNES = 14;
    static final int FINISH_9_9BIS = 20;

    private final int bib;
    private String sex = "H";
    private String category = "SE";
    private Status status = Status.NOT_STARTED;
    private final SortedMap<Integer, Instant> passages = new TreeMap<>();
    private Long officialTimeMs;

    private Runner(int bib) {
        this.bib = bib;
    }

    static Runner bib(int bib) {
        return new Runner(bib);
    }

    Runner woman() {
        sex = "F";
        return this;
    }

    Runner man() {
        sex = "H";
        return this;
    }

    Runner category(String category) {
        this.category = category;
        return this;
    }

    /** Read at a timing point, race clock. */
    Runner at(int order, String raceClock) {
        passages.put(order, clock(raceClock));
        return this;
    }

    Runner onCourse() {
        return status(Status.ON_COURSE);
    }

    /** Finished, finish read and official time computed from the start signal, as timing does. */
    Runner finished(String raceClock) {
        return at(FINISH_9_9BIS, raceClock).officialTime(raceClock).status(Status.FINISHED);
    }

    /** Finish read, but no official time yet: the start signal has not been set. */
    Runner finishedWithoutOfficialTime(String raceClock) {
        return at(FINISH_9_9BIS, raceClock).status(Status.FINISHED);
    }

    Runner officialTime(String raceClock) {
        officialTimeMs = Duration.between(START_SIGNAL, clock(raceClock)).toMillis();
        return this;
    }

    Runner dnf() {
        return status(Status.DNF);
    }

    Runner dsq() {
        return status(Status.DSQ);
    }

    Runner dns() {
        return status(Status.DNS);
    }

    Runner status(Status status) {
        this.status = status;
        return this;
    }

    Competitor build() {
        return new Competitor(bib, sex, category, status, passages, officialTimeMs);
    }

    static Instant clock(String raceClock) {
        String[] hms = raceClock.split(":");
        return START_SIGNAL.plus(Duration.ofHours(Long.parseLong(hms[0]))
                .plusMinutes(Long.parseLong(hms[1]))
                .plusMillis(Math.round(Double.parseDouble(hms[2]) * 1000)));
    }

    static List<Competitor> field(Runner... runners) {
        return Arrays.stream(runners).map(Runner::build).toList();
    }

    /** A ranking as the results page reads it, one "rank #bib" line per runner, "-" for the unranked. */
    static List<String> lines(List<Ranked> ranking) {
        return ranking.stream()
                .map(line -> (line.isRanked() ? line.rank().toString() : "-") + " #" + line.competitor().bib())
                .toList();
    }
}
