package fr.pyramidesnoires.simulator;

import fr.pyramidesnoires.events.ChipRead;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * A planned race day: who runs, when each of them truly crosses each mat, and every read the mats will send,
 * in the order they will send it. One seed, one race day.
 */
public final class Simulation {

    /** A registered runner and their true race. */
    record Participant(SimRunner runner, int bib, String chip, SimCourse course, List<RaceModel.Crossing> truth) {
    }

    /** Gun times of the sample event, from the first start: 110 km at 05:00, 55 at 07:30, 35 at 09:00, 22 at 10:00. */
    private static final Map<String, Duration> START_AFTER_FIRST = Map.of("110K", Duration.ZERO,
            "55K", Duration.ofMinutes(150), "35K", Duration.ofMinutes(240), "22K", Duration.ofMinutes(300));

    final List<Participant> participants;
    final List<Mats.Emission> emissions;
    /** Crossings the mats saw: the true ones, less those a checkpoint mat missed. */
    final long expectedPassages;
    final String outageMat;
    final Instant outageFrom;
    final Instant outageTo;
    final int unknownChipReads;

    private Simulation(List<Participant> participants, List<Mats.Emission> emissions, long expectedPassages,
                       String outageMat, Instant outageFrom, Instant outageTo, int unknownChipReads) {
        this.participants = participants;
        this.emissions = emissions;
        this.expectedPassages = expectedPassages;
        this.outageMat = outageMat;
        this.outageFrom = outageFrom;
        this.outageTo = outageTo;
        this.unknownChipReads = unknownChipReads;
    }

    static Instant gun(String raceCode, Instant firstGun) {
        return firstGun.plus(START_AFTER_FIRST.getOrDefault(raceCode, Duration.ZERO));
    }

    /**
     * @param registered the field with what registration gave each runner
     */
    static Simulation plan(List<Map.Entry<SimRunner, RegistrationClient.Registered>> registered,
                           Map<String, SimCourse> courses, Instant firstGun, Random random) {
        Mats mats = new Mats(random);
        List<Participant> participants = new ArrayList<>();
        List<Mats.Emission> emissions = new ArrayList<>();
        long passages = 0;
        for (var entry : registered) {
            SimRunner runner = entry.getKey();
            SimCourse course = courses.get(runner.raceCode());
            List<RaceModel.Crossing> truth = RaceModel.crossings(runner, course, gun(runner.raceCode(), firstGun), random);
            participants.add(new Participant(runner, entry.getValue().bib(), entry.getValue().chip(), course, truth));
            for (RaceModel.Crossing crossing : truth) {
                boolean last = crossing == truth.get(truth.size() - 1);
                boolean startOrFinish = crossing.order() == 0 || crossing.order() == course.points().size() - 1;
                List<ChipRead> reads = mats.crossing(crossing.matId(), entry.getValue().chip(), crossing.time(),
                        crossing.order() == 0, !last && !startOrFinish);
                reads.forEach(read -> emissions.add(new Mats.Emission(read.readTime().toInstant(), read)));
                passages += reads.isEmpty() ? 0 : 1;
            }
        }
        int unknown = Math.max(3, participants.size() / 100);
        List<String> allMats = courses.values().stream().flatMap(c -> c.points().stream())
                .map(SimCourse.Point::matId).distinct().sorted().toList();
        for (int i = 0; i < unknown; i++) {
            // a spectator's chip, a chip from last year's race: read, never registered
            byte[] bytes = new byte[12];
            random.nextBytes(bytes);
            Instant at = firstGun.plusSeconds(random.nextInt(8 * 3600));
            String mat = allMats.get(random.nextInt(allMats.size()));
            emissions.add(new Mats.Emission(at, new ChipRead("R-" + mat, mat, HexFormat.of().withUpperCase().formatHex(bytes),
                    at.atOffset(java.time.ZoneOffset.ofHours(1)), 1, -70, null, ChipRead.Source.MAT)));
        }
        // the mat on the second terril of the longest course loses its network for 90 minutes, then replays
        // its buffer all at once, out of order
        SimCourse longest = courses.values().stream().max(Comparator.comparingInt(c -> c.points().size())).orElseThrow();
        String outageMat = longest.points().get(Math.min(2, longest.points().size() - 2)).matId();
        Instant outageFrom = gun(longest.raceCode(), firstGun).plus(Duration.ofMinutes(150));
        Instant outageTo = outageFrom.plus(Duration.ofMinutes(90));
        List<Mats.Emission> buffered = new ArrayList<>();
        List<Mats.Emission> sent = new ArrayList<>();
        for (Mats.Emission emission : emissions) {
            boolean lost = emission.read().matId().equals(outageMat) && !emission.sendAt().isBefore(outageFrom)
                    && emission.sendAt().isBefore(outageTo);
            (lost ? buffered : sent).add(emission);
        }
        Collections.shuffle(buffered, random);
        Instant replay = outageTo.plus(Duration.ofMinutes(20));
        buffered.forEach(e -> sent.add(new Mats.Emission(replay, e.read())));
        sent.sort(Comparator.comparing(Mats.Emission::sendAt));
        return new Simulation(List.copyOf(participants), numberedBySender(sent), passages, outageMat, outageFrom,
                outageTo, unknown);
    }

    /** Each reader numbers its reads in the order it made them, as real decoders do. */
    private static List<Mats.Emission> numberedBySender(List<Mats.Emission> emissions) {
        Map<String, List<Mats.Emission>> byReader = new java.util.HashMap<>();
        emissions.forEach(e -> byReader.computeIfAbsent(e.read().readerId(), r -> new ArrayList<>()).add(e));
        Map<Mats.Emission, Long> sequence = new java.util.IdentityHashMap<>();
        byReader.values().forEach(list -> {
            List<Mats.Emission> made = new ArrayList<>(list);
            made.sort(Comparator.comparing(e -> e.read().readTime().toInstant()));
            for (int i = 0; i < made.size(); i++) {
                sequence.put(made.get(i), (long) i + 1);
            }
        });
        return emissions.stream().map(e -> new Mats.Emission(e.sendAt(), new ChipRead(e.read().readerId(),
                e.read().matId(), e.read().chipId(), e.read().readTime(), e.read().antenna(), e.read().rssi(),
                sequence.get(e), e.read().source()))).toList();
    }

    /**
     * The ranking the platform must show once every read is in and before any official decision, worked out from
     * the true crossings alone: finishers by time, then everyone else who started by how far they got and when.
     */
    public List<Integer> expectedRanking(String raceCode) {
        Comparator<Participant> finishedFirst = Comparator.comparing((Participant p) -> !reachedFinish(p));
        Comparator<Participant> furthest = Comparator.comparingInt((Participant p) -> last(p).order()).reversed();
        return participants.stream()
                .filter(p -> p.runner().raceCode().equals(raceCode) && !p.truth().isEmpty())
                .sorted(finishedFirst.thenComparing(furthest).thenComparing(p -> last(p).time()))
                .map(Participant::bib)
                .toList();
    }

    public int registeredRunners() {
        return participants.size();
    }

    private static boolean reachedFinish(Participant p) {
        return last(p).order() == p.course().points().size() - 1;
    }

    private static RaceModel.Crossing last(Participant p) {
        return p.truth().get(p.truth().size() - 1);
    }
}
