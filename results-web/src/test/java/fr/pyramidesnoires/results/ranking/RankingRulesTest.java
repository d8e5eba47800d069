package fr.pyramidesnoires.results.ranking;

import static fr.pyramidesnoires.results.ranking.Runner.BASE_11_19;
import static fr.pyramidesnoires.results.ranking.Runner.FINISH_9_9BIS;
import static fr.pyramidesnoires.results.ranking.Runner.HARNES;
import static fr.pyramidesnoires.results.ranking.Runner.PINCHONVALLES;
import static fr.pyramidesnoires.results.ranking.Runner.START;
import static fr.pyramidesnoires.results.ranking.Runner.TERRILS_JUMEAUX_LOOS;
import static fr.pyramidesnoires.results.ranking.Runner.bib;
import static fr.pyramidesnoires.results.ranking.Runner.field;
import static fr.pyramidesnoires.results.ranking.Runner.lines;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.pyramidesnoires.events.RunnerTiming.Status;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

class RankingRulesTest {

    @Nested
    class Finishers {

        @Test
        void rankByOfficialTime() {
            List<Competitor> field = field(
                    bib(12).finished("9:58:41"),
                    bib(7).finished("9:41:03"),
                    bib(133).finished("12:15:00"));

            assertEquals(List.of("1 #7", "2 #12", "3 #133"), lines(RankingRules.rank(field)));
        }

        @Test
        void equalTimesShareARankAndTheNextRankIsSkipped() {
            List<Competitor> field = field(
                    bib(7).finished("9:41:03"),
                    bib(58).finished("10:02:17"),
                    bib(21).finished("10:02:17"),
                    bib(133).finished("11:30:00"));

            assertEquals(List.of("1 #7", "2 #21", "2 #58", "4 #133"), lines(RankingRules.rank(field)));
        }

        @Test
        void aThreeWayTieForFirstSkipsTwoRanks() {
            List<Competitor> field = field(
                    bib(64).finished("10:10:10"),
                    bib(2).finished("10:30:00"),
                    bib(31).finished("10:10:10"),
                    bib(9).finished("10:10:10"));

            assertEquals(List.of("1 #9", "1 #31", "1 #64", "4 #2"), lines(RankingRules.rank(field)));
        }

        @Test
        void aMillisecondIsEnoughToSeparateFinishers() {
            List<Competitor> field = field(
                    bib(21).finished("10:02:17.001"),
                    bib(58).finished("10:02:17"));

            assertEquals(List.of("1 #58", "2 #21"), lines(RankingRules.rank(field)));
        }

        @Test
        void theOfficialTimeDecidesNotTheFinishCrossing() {
            // #45 crossed the line first but was given a five-minute penalty
            List<Competitor> field = field(
                    bib(45).finished("10:00:00").officialTime("10:05:00"),
                    bib(46).finished("10:03:00"));

            assertEquals(List.of("1 #46", "2 #45"), lines(RankingRules.rank(field)));
        }

        @Test
        void anOfficialTimeEnteredByHandRanksWithoutAnyRead() {
            Competitor finishMatMissed = bib(77).officialTime("10:00:00").status(Status.FINISHED).build();
            List<Competitor> field = new ArrayList<>(field(
                    bib(7).finished("9:41:03"),
                    bib(12).finished("10:20:00")));
            field.add(finishMatMissed);

            assertEquals(List.of("1 #7", "2 #77", "3 #12"), lines(RankingRules.rank(field)));
        }

        @Test
        void withoutOfficialTimesFinishersRankByFinishCrossing() {
            // the start signal has not been entered yet: nobody has an official time
            List<Competitor> field = field(
                    bib(12).finishedWithoutOfficialTime("9:58:41"),
                    bib(7).finishedWithoutOfficialTime("9:41:03"),
                    bib(90).finishedWithoutOfficialTime("9:58:41"),
                    bib(133).finishedWithoutOfficialTime("12:15:00"));

            assertEquals(List.of("1 #7", "2 #12", "2 #90", "4 #133"), lines(RankingRules.rank(field)));
        }

        @Test
        void aFinisherMissingTheOfficialTimeIsPlacedByFinishCrossingAmongTimedFinishers() {
            List<Competitor> field = field(
                    bib(7).finished("9:41:03"),
                    bib(12).finished("9:58:41"),
                    bib(88).finishedWithoutOfficialTime("9:50:00"),
                    bib(90).finishedWithoutOfficialTime("9:58:41"),
                    bib(133).finished("12:15:00"));

            assertEquals(List.of("1 #7", "2 #88", "3 #12", "3 #90", "5 #133"), lines(RankingRules.rank(field)));
        }

        @Test
        void aPenaltyOnAnotherFinisherDoesNotMisplaceOneMissingTheOfficialTime() {
            // #45's thirty-minute penalty must not be read as a start signal thirty minutes earlier
            List<Competitor> field = field(
                    bib(7).finished("9:41:03"),
                    bib(45).finished("9:45:00").officialTime("10:15:00"),
                    bib(12).finished("9:58:41"),
                    bib(88).finishedWithoutOfficialTime("9:50:00"));

            assertEquals(List.of("1 #7", "2 #88", "3 #12", "4 #45"), lines(RankingRules.rank(field)));
        }

        @Test
        void aFinishCrossingThatNoOfficialTimeShowsTheStartSignalOfRanksAfterTheOfficialTimes() {
            // official times entered by hand, no finish read beside them: nothing relates #88's crossing to them
            List<Competitor> field = field(
                    bib(88).finishedWithoutOfficialTime("9:50:00"),
                    bib(7).officialTime("9:41:03").status(Status.FINISHED),
                    bib(12).officialTime("9:58:41").status(Status.FINISHED));

            assertEquals(List.of("1 #7", "2 #12", "3 #88"), lines(RankingRules.rank(field)));
        }

        @Test
        void finishersWithNoTimeAtAllRankTogetherAfterTimedFinishers() {
            // declared finished by an official after the finish mat missed them, official time not entered yet
            List<Competitor> field = field(
                    bib(151).status(Status.FINISHED),
                    bib(150).status(Status.FINISHED),
                    bib(12).finished("10:20:00"),
                    bib(7).finished("9:41:03"),
                    bib(40).onCourse().at(HARNES, "8:10:00"));

            assertEquals(List.of("1 #7", "2 #12", "3 #150", "3 #151", "5 #40"), lines(RankingRules.rank(field)));
        }
    }

    @Nested
    class FinishersAndRunnersOnCourse {

        @Test
        void everyFinisherRanksBeforeEveryRunnerStillOnCourse() {
            List<Competitor> field = field(
                    bib(3).onCourse().at(HARNES, "8:00:00"),
                    bib(133).finished("19:58:00"));

            assertEquals(List.of("1 #133", "2 #3"), lines(RankingRules.rank(field)));
        }

        @Test
        void ranksOnCourseContinueFromTheNumberOfFinishers() {
            List<Competitor> field = field(
                    bib(7).finished("9:41:03"),
                    bib(58).finished("10:02:17"),
                    bib(21).finished("10:02:17"),
                    bib(40).onCourse().at(HARNES, "8:10:00"),
                    bib(41).onCourse().at(BASE_11_19, "5:40:00"));

            assertEquals(List.of("1 #7", "2 #21", "2 #58", "4 #40", "5 #41"), lines(RankingRules.rank(field)));
        }

        @Test
        void withNobodyFinishedTheLeaderOnCourseIsFirst() {
            List<Competitor> field = field(
                    bib(41).onCourse().at(BASE_11_19, "5:40:00"),
                    bib(40).onCourse().at(HARNES, "8:10:00"));

            assertEquals(List.of("1 #40", "2 #41"), lines(RankingRules.rank(field)));
        }
    }

    @Nested
    class RunnersOnCourse {

        @Test
        void rankByTheFurthestPointReached() {
            List<Competitor> field = field(
                    bib(42).onCourse().at(START, "0:00:20").at(PINCHONVALLES, "2:30:00"),
                    bib(41).onCourse().at(START, "0:00:05").at(BASE_11_19, "5:00:00"),
                    bib(40).onCourse().at(START, "0:00:40").at(HARNES, "8:10:00"));

            assertEquals(List.of("1 #40", "2 #41", "3 #42"), lines(RankingRules.rank(field)));
        }

        @Test
        void atTheSamePointWhoeverGotThereFirstRanksFirst() {
            List<Competitor> field = field(
                    bib(50).onCourse().at(HARNES, "8:20:00"),
                    bib(51).onCourse().at(HARNES, "8:05:00"));

            assertEquals(List.of("1 #51", "2 #50"), lines(RankingRules.rank(field)));
        }

        @Test
        void theSamePointAtTheSameTimeSharesARankListedByBib() {
            List<Competitor> field = field(
                    bib(62).onCourse().at(HARNES, "8:25:00"),
                    bib(61).onCourse().at(HARNES, "8:20:00"),
                    bib(60).onCourse().at(HARNES, "8:20:00"),
                    bib(63).onCourse().at(BASE_11_19, "6:00:00"));

            assertEquals(List.of("1 #60", "1 #61", "3 #62", "4 #63"), lines(RankingRules.rank(field)));
        }

        @Test
        void timesAtEarlierPointsDoNotBreakATie() {
            List<Competitor> field = field(
                    bib(81).onCourse().at(BASE_11_19, "6:10:00").at(HARNES, "8:20:00"),
                    bib(80).onCourse().at(BASE_11_19, "5:50:00").at(HARNES, "8:20:00"));

            assertEquals(List.of("1 #80", "1 #81"), lines(RankingRules.rank(field)));
        }

        @Test
        void onlyTheFurthestReadCountsNotHowManyMatsReadTheRunner() {
            // the mats at Pinchonvalles and Loos lost #70's chip
            List<Competitor> field = field(
                    bib(71).onCourse().at(START, "0:00:10").at(PINCHONVALLES, "2:20:00")
                            .at(TERRILS_JUMEAUX_LOOS, "4:40:00").at(BASE_11_19, "5:10:00"),
                    bib(70).onCourse().at(START, "0:00:30").at(HARNES, "8:30:00"));

            assertEquals(List.of("1 #70", "2 #71"), lines(RankingRules.rank(field)));
        }

        @Test
        void runnersReadOnlyAtTheStartRankLastByStartMatTime() {
            List<Competitor> field = field(
                    bib(92).onCourse().at(START, "0:01:30"),
                    bib(91).onCourse().at(START, "0:00:45"),
                    bib(40).onCourse().at(START, "0:00:40").at(PINCHONVALLES, "2:45:00"));

            assertEquals(List.of("1 #40", "2 #91", "3 #92"), lines(RankingRules.rank(field)));
        }

        @Test
        void onCourseWithoutAnyReadIsListedApartAsNotStarted() {
            List<Competitor> field = field(
                    bib(97).status(Status.NOT_STARTED),
                    bib(95).onCourse(),
                    bib(93).status(Status.NOT_STARTED),
                    bib(40).onCourse().at(HARNES, "8:10:00"),
                    bib(201).dnf().at(BASE_11_19, "6:30:00"));

            assertEquals(List.of("1 #40", "- #93", "- #95", "- #97", "- #201"), lines(RankingRules.rank(field)));
        }
    }

    @Nested
    class RunnersListedApart {

        @Test
        void areUnrankedAndListedAfterTheRankedAsNotStartedThenDnfThenDsqThenDns() {
            List<Competitor> field = field(
                    bib(301).dns(),
                    bib(250).dsq().at(HARNES, "8:00:00"),
                    bib(201).dnf().at(BASE_11_19, "6:30:00"),
                    bib(96).status(Status.NOT_STARTED),
                    bib(40).onCourse().at(HARNES, "8:10:00"),
                    bib(7).finished("9:41:03"));

            List<Ranked> ranking = RankingRules.rank(field);

            assertEquals(List.of("1 #7", "2 #40", "- #96", "- #201", "- #250", "- #301"), lines(ranking));
            assertEquals(List.of(Status.NOT_STARTED, Status.DNF, Status.DSQ, Status.DNS),
                    ranking.stream().filter(line -> !line.isRanked()).map(line -> line.competitor().status()).toList());
        }

        @ParameterizedTest
        @EnumSource(value = Status.class, names = {"NOT_STARTED", "DSQ", "DNS"})
        void notStartedDsqAndDnsAreListedByBibWhateverTheirReads(Status status) {
            List<Competitor> field = field(
                    bib(300).status(status).at(HARNES, "8:00:00"),
                    bib(12).status(status),
                    bib(157).status(status).at(PINCHONVALLES, "2:10:00"),
                    bib(48).status(status).at(HARNES, "7:30:00"));

            assertEquals(List.of("- #12", "- #48", "- #157", "- #300"), lines(RankingRules.rank(field)));
        }

        @Test
        void dnfAreListedByHowFarTheyGotThenWhenTheyGotThereThenBib() {
            List<Competitor> field = field(
                    bib(204).dnf(),
                    bib(202).dnf().at(START, "0:00:15").at(PINCHONVALLES, "3:00:00"),
                    bib(201).dnf().at(HARNES, "9:00:00"),
                    bib(205).dnf().at(HARNES, "8:45:00"),
                    bib(199).dnf(),
                    bib(203).dnf().at(HARNES, "8:45:00"));

            assertEquals(List.of("- #203", "- #205", "- #201", "- #202", "- #199", "- #204"),
                    lines(RankingRules.rank(field)));
        }

        @Test
        void noUnrankedRunnerIsRankedHoweverFarTheyGot() {
            List<Competitor> field = field(
                    bib(40).onCourse().at(PINCHONVALLES, "2:30:00"),
                    bib(201).dnf().at(HARNES, "8:00:00"),
                    bib(250).dsq().at(HARNES, "7:55:00"));

            assertEquals(List.of("1 #40", "- #201", "- #250"), lines(RankingRules.rank(field)));
        }

        @Test
        void aDisqualifiedFinisherLeavesNoGapInTheRanks() {
            List<Competitor> field = field(
                    bib(7).finished("9:41:03").dsq(),
                    bib(12).finished("9:58:41"),
                    bib(133).finished("12:15:00"));

            assertEquals(List.of("1 #12", "2 #133", "- #7"), lines(RankingRules.rank(field)));
        }
    }

    @Nested
    class Groups {

        // ordered by finish: 7 (M1-H), 12 (SE-F), 21 (SE-H), 33 (M2-H), 58 (SE-F), 64 (M2-F), 71 (M2-H), 40 on course
        private final List<Competitor> field = field(
                bib(33).man().category("M2").finished("10:15:00"),
                bib(12).woman().category("SE").finished("9:58:41"),
                bib(64).woman().category("M2").finished("11:02:00"),
                bib(7).man().category("M1").finished("9:41:03"),
                bib(58).woman().category("SE").finished("10:40:00"),
                bib(21).man().category("SE").finished("10:02:17"),
                bib(71).man().category("M2").finished("11:02:00"),
                bib(40).woman().category("SE").onCourse().at(HARNES, "8:10:00"),
                bib(201).woman().category("M2").dnf().at(BASE_11_19, "6:30:00"));

        @Test
        void overallRanksEveryone() {
            assertEquals(List.of("1 #7", "2 #12", "3 #21", "4 #33", "5 #58", "6 #64", "6 #71", "8 #40", "- #201"),
                    lines(RankingRules.rank(field)));
        }

        @Test
        void eachSexIsRankedOnItsOwn() {
            assertEquals(List.of("1 #12", "2 #58", "3 #64", "4 #40", "- #201"),
                    lines(RankingRules.rank(only("F", null))));
            assertEquals(List.of("1 #7", "2 #21", "3 #33", "4 #71"), lines(RankingRules.rank(only("H", null))));
        }

        @Test
        void eachCategoryAndSexIsRankedOnItsOwn() {
            // #64 (M2-F) and #71 (M2-H) share 6th overall; neither is tied within their own group
            assertEquals(List.of("1 #12", "2 #58", "3 #40"), lines(RankingRules.rank(only("F", "SE"))));
            assertEquals(List.of("1 #64", "- #201"), lines(RankingRules.rank(only("F", "M2"))));
            assertEquals(List.of("1 #33", "2 #71"), lines(RankingRules.rank(only("H", "M2"))));
            assertEquals(List.of("1 #21"), lines(RankingRules.rank(only("H", "SE"))));
            assertEquals(List.of("1 #7"), lines(RankingRules.rank(only("H", "M1"))));
        }

        private List<Competitor> only(String sex, String category) {
            return field.stream()
                    .filter(runner -> runner.sex().equals(sex))
                    .filter(runner -> category == null || runner.category().equals(category))
                    .toList();
        }
    }

    @Nested
    class AtACheckpoint {

        @Test
        void runnersRankByTheirTimeAtThatPointNotByHowTheRaceEnded() {
            List<Competitor> field = field(
                    bib(7).at(BASE_11_19, "5:10:00").finished("9:41:03"),
                    bib(12).at(BASE_11_19, "5:05:00").finished("9:58:41"),
                    bib(40).onCourse().at(BASE_11_19, "5:20:00").at(HARNES, "8:10:00"),
                    bib(41).onCourse().at(BASE_11_19, "5:02:00"));

            assertEquals(List.of("1 #41", "2 #12", "3 #7", "4 #40"), lines(RankingRules.rankAt(field, BASE_11_19)));
        }

        @Test
        void equalTimesShareARankAndTheNextRankIsSkipped() {
            List<Competitor> field = field(
                    bib(33).onCourse().at(PINCHONVALLES, "2:31:00"),
                    bib(21).onCourse().at(PINCHONVALLES, "2:31:00"),
                    bib(7).onCourse().at(PINCHONVALLES, "2:20:00"),
                    bib(12).onCourse().at(PINCHONVALLES, "2:45:00"));

            assertEquals(List.of("1 #7", "2 #21", "2 #33", "4 #12"),
                    lines(RankingRules.rankAt(field, PINCHONVALLES)));
        }

        @Test
        void disqualifiedRunnersAreLeftOut() {
            List<Competitor> field = field(
                    bib(250).dsq().at(BASE_11_19, "5:00:00"),
                    bib(7).at(BASE_11_19, "5:10:00").finished("9:41:03"));

            assertEquals(List.of("1 #7"), lines(RankingRules.rankAt(field, BASE_11_19)));
        }

        @Test
        void runnersWhoWithdrewLaterAreListedWhereTheyPassedButLeadNoOne() {
            List<Competitor> field = field(
                    bib(201).dnf().at(BASE_11_19, "5:00:00").at(HARNES, "8:30:00"),
                    bib(202).dnf().at(BASE_11_19, "4:50:00"),
                    bib(7).at(BASE_11_19, "5:10:00").finished("9:41:03"),
                    bib(12).onCourse().at(BASE_11_19, "5:20:00"));

            assertEquals(List.of("1 #7", "2 #12", "- #202", "- #201"), lines(RankingRules.rankAt(field, BASE_11_19)));
        }

        @Test
        void runnersNotReadAtThePointAreLeftOut() {
            List<Competitor> field = field(
                    bib(7).at(BASE_11_19, "5:10:00").finished("9:41:03"),
                    bib(70).onCourse().at(TERRILS_JUMEAUX_LOOS, "4:30:00").at(HARNES, "8:30:00"), // mat missed them
                    bib(42).onCourse().at(PINCHONVALLES, "2:30:00"), // not there yet
                    bib(202).dnf().at(PINCHONVALLES, "3:00:00"), // withdrew before
                    bib(301).dns(),
                    bib(96).status(Status.NOT_STARTED));

            assertEquals(List.of("1 #7"), lines(RankingRules.rankAt(field, BASE_11_19)));
        }

        @ParameterizedTest
        @EnumSource(value = Status.class, names = {"DSQ", "DNF"}, mode = EnumSource.Mode.EXCLUDE)
        void everyRunnerReadThereRanksWhateverTheirStatusButDsqAndDnf(Status status) {
            List<Competitor> field = field(
                    bib(7).at(BASE_11_19, "5:10:00").finished("9:41:03"),
                    bib(500).status(status).at(BASE_11_19, "5:05:00"));

            assertEquals(List.of("1 #500", "2 #7"), lines(RankingRules.rankAt(field, BASE_11_19)));
        }

        @Test
        void theStartAndTheFinishAreCheckpointsToo() {
            List<Competitor> field = field(
                    bib(7).at(START, "0:00:30").finished("9:41:03"),
                    bib(12).at(START, "0:00:10").finished("9:58:41"),
                    bib(40).onCourse().at(START, "0:00:10").at(HARNES, "8:10:00"));

            assertEquals(List.of("1 #12", "1 #40", "3 #7"), lines(RankingRules.rankAt(field, START)));
            assertEquals(List.of("1 #7", "2 #12"), lines(RankingRules.rankAt(field, FINISH_9_9BIS)));
        }

        @Test
        void aPointNobodyHasReachedYetHasAnEmptyRanking() {
            List<Competitor> field = field(
                    bib(41).onCourse().at(BASE_11_19, "5:02:00"),
                    bib(42).onCourse().at(PINCHONVALLES, "2:30:00"));

            assertEquals(List.of(), RankingRules.rankAt(field, HARNES));
        }
    }

    @Nested
    class InputOrder {

        @ParameterizedTest
        @ValueSource(longs = {1, 42, 110, 2027, 9_099})
        void theRankingDoesNotDependOnTheOrderRunnersAreGivenIn(long seed) {
            List<Competitor> field = raceAtHalfTen(new Random(2027));
            List<Ranked> expected = RankingRules.rank(field);
            Random random = new Random(seed);

            for (int shuffle = 0; shuffle < 10; shuffle++) {
                List<Competitor> shuffled = new ArrayList<>(field);
                Collections.shuffle(shuffled, random);
                assertEquals(expected, RankingRules.rank(shuffled), "shuffle " + shuffle + " of seed " + seed);
            }
            assertEquals(expected, RankingRules.rank(new HashSet<>(field)));
        }

        @ParameterizedTest
        @ValueSource(longs = {1, 42, 110, 2027, 9_099})
        void theCheckpointRankingDoesNotDependOnTheOrderRunnersAreGivenIn(long seed) {
            List<Competitor> field = raceAtHalfTen(new Random(2027));
            Random random = new Random(seed);

            for (int point : new int[] {START, PINCHONVALLES, BASE_11_19, HARNES, FINISH_9_9BIS}) {
                List<Ranked> expected = RankingRules.rankAt(field, point);
                for (int shuffle = 0; shuffle < 10; shuffle++) {
                    List<Competitor> shuffled = new ArrayList<>(field);
                    Collections.shuffle(shuffled, random);
                    assertEquals(expected, RankingRules.rankAt(shuffled, point), "point " + point);
                }
            }
        }

        @Test
        void theGeneratedRaceHasTiesInEveryGroupSoTheShufflesProveSomething() {
            List<Competitor> field = raceAtHalfTen(new Random(2027));
            List<Ranked> ranking = RankingRules.rank(field);

            for (Standing standing : List.of(Standing.FINISHED, Standing.ON_COURSE)) {
                List<Integer> ranks = ranking.stream()
                        .filter(line -> Standing.of(line.competitor()) == standing)
                        .map(Ranked::rank)
                        .toList();
                assertTrue(new HashSet<>(ranks).size() < ranks.size(), standing + " has a tie");
            }
            assertEquals(Set.of(Standing.values()), field.stream().map(Standing::of).collect(Collectors.toSet()));
        }
    }

    @Nested
    class WholeRace {

        @Test
        void everyRunnerGivenIsListedExactlyOnce() {
            List<Competitor> field = raceAtHalfTen(new Random(110));

            List<Ranked> ranking = RankingRules.rank(field);

            assertEquals(field.size(), ranking.size());
            assertEquals(new HashSet<>(field), ranking.stream().map(Ranked::competitor).collect(Collectors.toSet()));
        }

        @ParameterizedTest
        @ValueSource(longs = {3, 20, 110, 2027})
        void eachRankIsOnePlusTheNumberOfRunnersStrictlyAhead(long seed) {
            List<Competitor> field = raceAtHalfTen(new Random(seed));

            for (Ranked line : RankingRules.rank(field)) {
                Competitor runner = line.competitor();
                if (Standing.of(runner).isRanked()) {
                    long ahead = field.stream().filter(other -> isAhead(other, runner)).count();
                    assertEquals(1 + (int) ahead, line.rank(), "#" + runner.bib());
                } else {
                    assertNull(line.rank(), "#" + runner.bib());
                }
            }
        }

        @ParameterizedTest
        @ValueSource(longs = {3, 20, 110, 2027})
        void theListGoesDownByRankThenBibWithTheUnrankedLast(long seed) {
            List<Ranked> ranking = RankingRules.rank(raceAtHalfTen(new Random(seed)));

            for (int i = 1; i < ranking.size(); i++) {
                Ranked before = ranking.get(i - 1);
                Ranked line = ranking.get(i);
                if (line.isRanked()) {
                    assertTrue(before.isRanked(), "ranked after unranked at line " + i);
                    assertTrue(before.rank() < line.rank()
                            || before.rank().equals(line.rank())
                            && before.competitor().bib() < line.competitor().bib(), "line " + i);
                } else if (!before.isRanked()) {
                    assertTrue(Standing.of(before.competitor()).compareTo(Standing.of(line.competitor())) <= 0,
                            "listed apart out of order at line " + i);
                }
            }
        }

        // The race rules stated once more, pairwise, independently of the implementation.
        private static boolean isAhead(Competitor one, Competitor other) {
            Standing a = Standing.of(one);
            Standing b = Standing.of(other);
            if (a == Standing.FINISHED && b == Standing.ON_COURSE) {
                return true;
            }
            if (a == Standing.FINISHED && b == Standing.FINISHED) {
                return one.officialTimeMs() < other.officialTimeMs();
            }
            if (a == Standing.ON_COURSE && b == Standing.ON_COURSE) {
                int further = Integer.compare(one.furthestOrder().getAsInt(), other.furthestOrder().getAsInt());
                return further > 0 || further == 0 && one.furthestTime().get().isBefore(other.furthestTime().get());
            }
            return false;
        }
    }

    @Nested
    class Edges {

        @Test
        void nobodyGivenNobodyRanked() {
            assertEquals(List.of(), RankingRules.rank(List.of()));
            assertEquals(List.of(), RankingRules.rankAt(List.of(), BASE_11_19));
        }

        @Test
        void aBibGivenTwiceIsRefused() {
            List<Competitor> field = field(
                    bib(7).finished("9:41:03"),
                    bib(7).onCourse().at(HARNES, "8:10:00"));

            assertThrows(IllegalArgumentException.class, () -> RankingRules.rank(field));
            assertThrows(IllegalArgumentException.class, () -> RankingRules.rankAt(field, HARNES));
        }

        @Test
        void aMissingCompetitorIsRefused() {
            List<Competitor> field = new ArrayList<>(field(bib(7).finished("9:41:03")));
            field.add(null);

            assertThrows(NullPointerException.class, () -> RankingRules.rank(field));
            assertThrows(NullPointerException.class, () -> RankingRules.rankAt(field, HARNES));
            assertThrows(NullPointerException.class, () -> RankingRules.rank(null));
        }

        @Test
        void aRankingCannotBeChangedByItsReader() {
            List<Competitor> field = field(bib(7).at(HARNES, "8:00:00").finished("9:41:03"));
            Ranked extra = new Ranked(field.get(0), 1);

            assertThrows(UnsupportedOperationException.class, () -> RankingRules.rank(field).add(extra));
            assertThrows(UnsupportedOperationException.class, () -> RankingRules.rankAt(field, HARNES).add(extra));
        }
    }

    /**
     * The 110 km half-way through, at 10:30 on the race clock: leaders finished, the pack spread over the terrils,
     * a few withdrawn, disqualified or absent. Times fall on whole minutes so that ties happen.
     */
    static List<Competitor> raceAtHalfTen(Random random) {
        int[] course = {START, PINCHONVALLES, TERRILS_JUMEAUX_LOOS, BASE_11_19, HARNES};
        List<Competitor> field = new ArrayList<>();
        for (int bib = 1; bib <= 170; bib++) {
            int draw = random.nextInt(100);
            Runner runner = bib(bib).woman().category(random.nextBoolean() ? "SE" : "M1");
            if (random.nextBoolean()) {
                runner.man();
            }
            if (draw < 88) {
                int reached = draw < 25 ? course.length : random.nextInt(course.length);
                for (int i = 0; i < Math.min(reached + 1, course.length); i++) {
                    runner.at(course[i], clock(i * 100 + random.nextInt(12)));
                }
                if (draw < 25) {
                    runner.finished(clock(580 + random.nextInt(30)));
                } else if (draw < 80) {
                    runner.onCourse();
                } else {
                    runner.status(draw < 85 ? Status.DNF : Status.DSQ);
                }
            } else {
                runner.status(draw < 92 ? Status.NOT_STARTED : draw < 94 ? Status.ON_COURSE : Status.DNS);
            }
            field.add(runner.build());
        }
        return field;
    }

    private static String clock(int minutes) {
        return "%d:%02d:00".formatted(minutes / 60, minutes % 60);
    }
}
