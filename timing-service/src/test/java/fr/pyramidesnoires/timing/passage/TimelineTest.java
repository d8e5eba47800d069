package fr.pyramidesnoires.timing.passage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import fr.pyramidesnoires.events.RunnerTiming;
import fr.pyramidesnoires.events.RunnerTiming.Status;
import fr.pyramidesnoires.timing.course.Course;
import fr.pyramidesnoires.timing.course.TimingPoint;
import fr.pyramidesnoires.timing.passage.Timeline.Read;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class TimelineTest {

    static final Duration WINDOW = Duration.ofSeconds(60);
    static final Timeline.Windows WINDOWS = Timeline.Windows.crossing(WINDOW);
    static final Instant GUN = Instant.parse("2027-03-20T06:30:00Z");
    /** A loop course: the Sainte-Henriette mat is crossed on the way out and on the way back. */
    static final Course COURSE = new Course("35K", List.of(
            new TimingPoint("start", "Départ 9-9bis", "M-9BIS-START", 0, 0, null),
            new TimingPoint("ste-henriette-1", "Terril Sainte-Henriette", "M-STE-HENRIETTE", 12, 180, Duration.ofHours(2)),
            new TimingPoint("estevelles", "Terril d'Estevelles", "M-ESTEVELLES", 20, 420, Duration.ofHours(4)),
            new TimingPoint("ste-henriette-2", "Terril Sainte-Henriette (retour)", "M-STE-HENRIETTE", 27, 560, null),
            new TimingPoint("finish", "Arrivée 9-9bis", "M-9BIS-FINISH", 35, 700, null)));

    static Instant gunPlus(String duration) {
        return GUN.plus(Duration.parse(duration));
    }

    static List<Read> crossing(String mat, Instant first, int reads) {
        List<Read> burst = new ArrayList<>();
        for (int i = 0; i < reads; i++) {
            burst.add(new Read(mat, first.plusMillis(i * 350L)));
        }
        return burst;
    }

    static List<Read> wholeRace() {
        List<Read> reads = new ArrayList<>();
        reads.addAll(crossing("M-9BIS-START", gunPlus("PT-20S"), 6));
        reads.addAll(crossing("M-9BIS-START", gunPlus("PT-5S"), 15));
        reads.addAll(crossing("M-STE-HENRIETTE", gunPlus("PT1H05M12.345S"), 8));
        reads.addAll(crossing("M-ESTEVELLES", gunPlus("PT1H58M"), 5));
        reads.addAll(crossing("M-STE-HENRIETTE", gunPlus("PT2H44M30S"), 9));
        reads.addAll(crossing("M-9BIS-FINISH", gunPlus("PT3H31M07.250S"), 12));
        return reads;
    }

    @Test
    void aFinisherGetsEveryPassageGunTimeAndChipTime() {
        RunnerTiming timing = Timeline.of("35K", 2042, COURSE, wholeRace(), GUN, WINDOW);

        assertEquals(Status.FINISHED, timing.status());
        assertEquals(List.of("start", "ste-henriette-1", "estevelles", "ste-henriette-2", "finish"),
                timing.passages().stream().map(RunnerTiming.Passage::pointId).toList());
        assertEquals(Duration.parse("PT3H31M07.250S").toMillis(), timing.gunTimeMs());
        // the last start read is 5 s before the gun plus 14 x 350 ms = 0.1 s before: clamped to the gun
        assertEquals(timing.gunTimeMs(), timing.chipTimeMs());
        assertEquals(gunPlus("PT1H05M12.345S"), timing.passages().get(1).time());
        assertEquals(gunPlus("PT2H44M30S"), timing.passages().get(3).time());
    }

    @Test
    void chipTimeRunsFromTheMomentTheRunnerLeftTheStartMat() {
        List<Read> reads = new ArrayList<>(crossing("M-9BIS-START", gunPlus("PT40S"), 4));
        reads.addAll(crossing("M-9BIS-FINISH", gunPlus("PT4H"), 3));

        RunnerTiming timing = Timeline.of("35K", 2100, COURSE, reads, GUN, WINDOW);

        assertEquals(Duration.ofHours(4).toMillis(), timing.gunTimeMs());
        assertEquals(Duration.parse("PT4H").minus(Duration.parse("PT41.05S")).toMillis(), timing.chipTimeMs());
    }

    @Test
    void aRunnerBetweenCheckpointsIsOnCourseWithoutTimes() {
        List<Read> reads = new ArrayList<>(crossing("M-9BIS-START", gunPlus("PT2S"), 3));
        reads.addAll(crossing("M-STE-HENRIETTE", gunPlus("PT1H10M"), 3));

        RunnerTiming timing = Timeline.of("35K", 2001, COURSE, reads, GUN, WINDOW);

        assertEquals(Status.ON_COURSE, timing.status());
        assertEquals(2, timing.passages().size());
        assertNull(timing.gunTimeMs());
        assertNull(timing.chipTimeMs());
    }

    @Test
    void noReadsMeansNotStarted() {
        RunnerTiming timing = Timeline.of("35K", 2002, COURSE, List.of(), GUN, WINDOW);

        assertEquals(Status.NOT_STARTED, timing.status());
        assertEquals(List.of(), timing.passages());
    }

    @Test
    void aMissedStartReadStillGivesAnOfficialGunTime() {
        List<Read> reads = crossing("M-9BIS-FINISH", gunPlus("PT3H50M"), 4);

        RunnerTiming timing = Timeline.of("35K", 2003, COURSE, reads, GUN, WINDOW);

        assertEquals(Status.FINISHED, timing.status());
        assertEquals(Duration.ofMinutes(230).toMillis(), timing.gunTimeMs());
        assertNull(timing.chipTimeMs(), "no chip time without a start read");
    }

    @Test
    void readsAtOtherMatsBeforeTheGunAreNotPassages() {
        // a volunteer tests the Estevelles mat with a runner's bib an hour before the start
        List<Read> reads = new ArrayList<>(crossing("M-ESTEVELLES", gunPlus("PT-1H"), 3));
        reads.addAll(crossing("M-9BIS-START", gunPlus("PT3S"), 3));

        RunnerTiming timing = Timeline.of("35K", 2004, COURSE, reads, GUN, WINDOW);

        assertEquals(List.of("start"), timing.passages().stream().map(RunnerTiming.Passage::pointId).toList());
    }

    @Test
    void withoutAGunStartNoReadIsTooEarlyAndThereIsNoOfficialTime() {
        RunnerTiming timing = Timeline.of("35K", 2042, COURSE, wholeRace(), null, WINDOW);

        assertEquals(Status.FINISHED, timing.status());
        assertNull(timing.gunTimeMs());
        assertEquals(5, timing.passages().size());
        // unclamped: the runner left the start mat 0.1 s before what later became the gun
        assertEquals(gunPlus("PT-0.1S"), timing.passages().get(0).time());
    }

    @Test
    void readsAtMatsOfOtherCoursesAreIgnored() {
        List<Read> reads = new ArrayList<>(wholeRace());
        reads.addAll(crossing("M-PINCHONVALLES", gunPlus("PT2H"), 4));

        assertEquals(Timeline.of("35K", 2042, COURSE, wholeRace(), GUN, WINDOW),
                Timeline.of("35K", 2042, COURSE, reads, GUN, WINDOW));
    }

    @Test
    void shuffledDuplicatedAndReplayedReadsGiveTheSameRace() {
        List<Read> inOrder = wholeRace();
        RunnerTiming expected = Timeline.of("35K", 2042, COURSE, inOrder, GUN, WINDOW);
        Random random = new Random(42);
        for (int i = 0; i < 100; i++) {
            List<Read> delivered = new ArrayList<>(inOrder);
            // a mat that lost network replays part of its buffer again, later
            delivered.addAll(inOrder.subList(random.nextInt(inOrder.size()), inOrder.size()));
            Collections.shuffle(delivered, random);
            assertEquals(expected, Timeline.of("35K", 2042, COURSE, delivered, GUN, WINDOW));
        }
    }

    @Test
    void anOfficialsStatusIsFinalAndTakesTheRaceTimeAway() {
        for (Status decided : List.of(Status.DNF, Status.DSQ, Status.DNS)) {
            RunnerTiming timing = Timeline.of("35K", 2042, COURSE, wholeRace(), GUN, WINDOWS,
                    Corrections.NONE.withStatus(decided));

            assertEquals(decided, timing.status());
            assertEquals(5, timing.passages().size(), "the passages stay on record");
            assertNull(timing.gunTimeMs());
            assertNull(timing.chipTimeMs());
        }
    }

    @Test
    void clearingAStatusGivesTheMatsTheirSayAgain() {
        Corrections cleared = Corrections.NONE.withStatus(Status.DSQ).withStatus(null);

        assertEquals(Timeline.of("35K", 2042, COURSE, wholeRace(), GUN, WINDOW),
                Timeline.of("35K", 2042, COURSE, wholeRace(), GUN, WINDOWS, cleared));
    }

    @Test
    void aPassageAddedByHandFillsAMissedReadAndCanFinishTheRace() {
        List<Read> reads = crossing("M-9BIS-START", GUN, 3);
        Instant finishSeenByTheJudge = gunPlus("PT3H40M02S");

        RunnerTiming timing = Timeline.of("35K", 2042, COURSE, reads, GUN, WINDOWS,
                Corrections.NONE.withPassage(4, finishSeenByTheJudge));

        assertEquals(Status.FINISHED, timing.status());
        assertEquals(Duration.parse("PT3H40M02S").toMillis(), timing.gunTimeMs());
        assertEquals("Arrivée 9-9bis", timing.passages().get(1).pointName());
    }

    @Test
    void aPassageMovedByHandReplacesTheMatsTime() {
        Instant corrected = gunPlus("PT1H05M00S");

        RunnerTiming timing = Timeline.of("35K", 2042, COURSE, wholeRace(), GUN, WINDOWS,
                Corrections.NONE.withPassage(1, corrected));

        assertEquals(corrected, timing.passages().get(1).time());
        assertEquals(5, timing.passages().size());
    }

    @Test
    void aStruckOutPassageIsGoneUntilSetAgain() {
        // a spectator walked over the finish mat with the runner's bib in hand
        Corrections struck = Corrections.NONE.withoutPassage(4);
        RunnerTiming timing = Timeline.of("35K", 2042, COURSE, wholeRace(), GUN, WINDOWS, struck);

        assertEquals(Status.ON_COURSE, timing.status());
        assertEquals(4, timing.passages().size());
        assertEquals(Status.FINISHED,
                Timeline.of("35K", 2042, COURSE, wholeRace(), GUN, WINDOWS, struck.withPassage(4, gunPlus("PT4H")))
                        .status());
    }

    @Test
    void anOfficialCannotDeclareARunnerFinishedOnlyTheirTimesCan() {
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> Corrections.NONE.withStatus(Status.FINISHED));
    }
}
