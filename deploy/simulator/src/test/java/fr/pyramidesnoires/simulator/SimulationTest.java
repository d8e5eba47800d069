package fr.pyramidesnoires.simulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Instant;
import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class SimulationTest {

    static final Instant FIRST_GUN = Instant.parse("2027-03-20T04:00:00Z");

    static Simulation plan(long seed, int runners) throws Exception {
        Map<String, SimCourse> courses = SimCourse.load(
                        Path.of(System.getProperty("user.dir"), "../../timing-service/src/main/resources/courses-sample.json"))
                .stream().collect(Collectors.toMap(SimCourse::raceCode, Function.identity()));
        Random random = new Random(seed);
        List<SimRunner> field = FieldGenerator.field(courses.values().stream()
                .sorted(java.util.Comparator.comparing(SimCourse::raceCode)).toList(), runners, random);
        List<Map.Entry<SimRunner, RegistrationClient.Registered>> registered = new ArrayList<>();
        for (int i = 0; i < field.size(); i++) {
            registered.add(new AbstractMap.SimpleEntry<>(field.get(i),
                    new RegistrationClient.Registered(i + 1, String.format("CHIP%08d", i + 1))));
        }
        return Simulation.plan(registered, courses, FIRST_GUN, random);
    }

    @Test
    void oneSeedIsOneRaceDay() throws Exception {
        Simulation first = plan(2027, 300);
        Simulation again = plan(2027, 300);

        assertEquals(first.emissions, again.emissions);
        assertEquals(first.expectedRanking("55K"), again.expectedRanking("55K"));
        assertFalse(first.emissions.equals(plan(2028, 300).emissions));
    }

    @Test
    void theFieldLooksLikeATrailField() throws Exception {
        Simulation day = plan(7, 1000);

        long women = day.participants.stream().filter(p -> p.runner().sex().equals("F")).count();
        long dns = day.participants.stream().filter(p -> p.truth().isEmpty()).count();
        long stopped = day.participants.stream()
                .filter(p -> !p.truth().isEmpty() && !RaceModel.finished(p.truth(), p.course())).count();
        assertEquals(1000, day.participants.size());
        assertTrue(women > 250 && women < 420, "women: " + women);
        assertTrue(dns > 10 && dns < 80, "DNS: " + dns);
        assertTrue(stopped > 10 && stopped < 200, "withdrawn or cut off: " + stopped);
        assertTrue(day.emissions.size() > day.expectedPassages * 3, "several reads per crossing");
    }

    @Test
    void readsAreSentInTimeOrderExceptTheOfflineMatsBufferReplayedLate() throws Exception {
        Simulation day = plan(11, 400);

        for (int i = 1; i < day.emissions.size(); i++) {
            assertFalse(day.emissions.get(i).sendAt().isBefore(day.emissions.get(i - 1).sendAt()));
        }
        List<Mats.Emission> replayed = day.emissions.stream()
                .filter(e -> e.read().matId().equals(day.outageMat) && e.sendAt().isAfter(day.outageTo)
                        && e.read().readTime().toInstant().isBefore(day.outageTo))
                .toList();
        assertTrue(replayed.size() > 20, "the outage buffered reads: " + replayed.size());
        boolean outOfOrder = false;
        for (int i = 1; i < replayed.size(); i++) {
            outOfOrder |= replayed.get(i).read().readTime().isBefore(replayed.get(i - 1).read().readTime());
        }
        assertTrue(outOfOrder, "the buffer is replayed out of order");
    }

    @Test
    void eachReaderNumbersItsReadsOnce() throws Exception {
        Simulation day = plan(5, 200);

        Set<String> seen = new HashSet<>();
        day.emissions.forEach(e -> assertTrue(seen.add(e.read().readerId() + "#" + e.read().sequence())));
    }

    @Test
    void officialsStartEveryRaceAndRecordEveryNoShowAndWithdrawal() throws Exception {
        Simulation day = plan(13, 600);

        List<String> started = day.actions.stream().filter(a -> a instanceof OfficeAction.StartSignal)
                .map(a -> ((OfficeAction.StartSignal) a).raceCode()).sorted().toList();
        assertEquals(List.of("110K", "22K", "35K", "55K"), started);
        for (Simulation.Participant p : day.participants) {
            List<String> decided = day.actions.stream()
                    .filter(a -> a instanceof OfficeAction.StatusDecision d && d.bib() == p.bib())
                    .map(a -> ((OfficeAction.StatusDecision) a).status()).toList();
            List<String> expected = p.truth().isEmpty() ? List.of("DNS")
                    : RaceModel.finished(p.truth(), p.course()) ? List.of() : List.of("DNF");
            assertEquals(expected, decided, "bib " + p.bib());
        }
    }

    @Test
    void aVolunteerTypesTheBibOfEveryRunnerAMatMissed() throws Exception {
        Simulation day = plan(17, 800);

        List<OfficeAction.VolunteerEntry> typed = day.actions.stream()
                .filter(a -> a instanceof OfficeAction.VolunteerEntry)
                .map(a -> (OfficeAction.VolunteerEntry) a).toList();
        assertTrue(typed.size() > 5, "typed: " + typed.size());
        for (OfficeAction.VolunteerEntry entry : typed) {
            Simulation.Participant runner = day.participants.stream().filter(p -> p.bib() == entry.bib())
                    .findFirst().orElseThrow();
            String chip = runner.chip();
            String mat = runner.course().points().stream().filter(pt -> pt.id().equals(entry.pointId()))
                    .findFirst().orElseThrow().matId();
            assertTrue(day.emissions.stream().noneMatch(e -> e.read().chipId().equals(chip)
                            && e.read().matId().equals(mat)), "the mat missed bib " + entry.bib());
            assertTrue(entry.at().isAfter(entry.seen()), "typed after being seen");
        }
    }
}
