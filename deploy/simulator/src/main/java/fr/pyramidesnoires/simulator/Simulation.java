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
    record Participant(SimRunner runner, int bib, String chip, SimCourse course, Instant gun,
                       List<RaceModel.Crossing> truth) {
    }

    /** Gun times of the sample event, from the first start: 110 km at 05:00, 55 at 07:30, 35 at 09:00, 22 at 10:00. */
    private static final Map<String, Duration> START_AFTER_FIRST = Map.of("110K", Duration.ZERO,
            "55K", Duration.ofMinutes(150), "35K", Duration.ofMinutes(240), "22K", Duration.ofMinutes(300));

    final List<Participant> participants;
    final List<Mats.Emission> emissions;
    final List<OfficeAction> actions;
    /** Every true crossing: seen by a mat, or by the volunteer beside it when the mat missed it. */
    final long expectedPassages;
    final String outageMat;
    final Instant outageFrom;
    final Instant outageTo;
    final int unknownChipReads;

    private Simulation(List<Participant> participants, List<Mats.Emission> emissions, List<OfficeAction> actions,
                       long expectedPassages, String outageMat, Instant outageFrom, Instant outageTo,
                       int unknownChipReads) {
        this.participants = participants;
        this.emissions = emissions;
        this.actions = actions;
        this.expectedPassages = expectedPassages;
        this.outageMat = outageMat;
        this.outageFrom = outageFrom;
        this.outageTo = outageTo;
        this.unknownChipReads = unknownChipReads;
    }

    /**
     * The reads at the moments the mats made them, the outage mat's included: where a mat agent journals them
     * while its network is down, the reader itself never stops.
     */
    List<Mats.Emission> asMade() {
        return emissions.stream().map(e -> new Mats.Emission(e.read().readTime().toInstant(), e.read()))
                .sorted(Comparator.comparing(Mats.Emission::sendAt)).toList();
    }

    /** Every mat that reads in this day. */
    List<String> mats() {
        return emissions.stream().map(e -> e.read().matId()).distinct().sorted().toList();
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
        List<OfficeAction> actions = new ArrayList<>();
        courses.keySet().forEach(race -> actions.add(new OfficeAction.StartSignal(race, gun(race, firstGun))));
        long passages = 0;
        for (var entry : registered) {
            SimRunner runner = entry.getKey();
            SimCourse course = courses.get(runner.raceCode());
            Instant gun = gun(runner.raceCode(), firstGun);
            List<RaceModel.Crossing> truth = RaceModel.crossings(runner, course, gun, random);
            participants.add(new Participant(runner, entry.getValue().bib(), entry.getValue().chip(), course, gun, truth));
            for (RaceModel.Crossing crossing : truth) {
                boolean last = crossing == truth.get(truth.size() - 1);
                boolean startOrFinish = crossing.order() == 0 || crossing.order() == course.points().size() - 1;
                List<ChipRead> reads = mats.crossing(crossing.matId(), entry.getValue().chip(), crossing.time(),
                        crossing.order() == 0, !last && !startOrFinish);
                reads.forEach(read -> emissions.add(new Mats.Emission(read.readTime().toInstant(), read)));
                if (reads.isEmpty()) {
                    // the volunteer beside the mat notes the bib, to the second, and types it a little later
                    Instant seen = crossing.time().truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
                    actions.add(new OfficeAction.VolunteerEntry(course.points().get(crossing.order()).id(),
                            entry.getValue().bib(), seen, seen.plusSeconds(20)));
                }
                passages++;
            }
            officialsDecide(runner, entry.getValue().bib(), course, truth, gun, actions);
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
        actions.sort(Comparator.comparing(OfficeAction::at));
        return new Simulation(List.copyOf(participants), numberedBySender(sent), List.copyOf(actions), passages,
                outageMat, outageFrom, outageTo, unknown);
    }

    /** No-shows are DNS, and runners who withdrew or missed a cut-off are DNF, once an official has checked. */
    private static void officialsDecide(SimRunner runner, int bib, SimCourse course, List<RaceModel.Crossing> truth,
                                        Instant gun, List<OfficeAction> actions) {
        if (truth.isEmpty()) {
            actions.add(new OfficeAction.StatusDecision(runner.raceCode(), bib, "DNS", "not seen at the start",
                    gun.plus(Duration.ofMinutes(15))));
            return;
        }
        RaceModel.Crossing last = truth.get(truth.size() - 1);
        if (!RaceModel.finished(truth, course)) {
            String point = course.points().get(last.order()).id();
            actions.add(new OfficeAction.StatusDecision(runner.raceCode(), bib, "DNF",
                    last.cutOff() ? "missed the cut-off at " + point : "withdrew at " + point,
                    last.time().plus(Duration.ofMinutes(20))));
        }
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
     * The ranking the platform must show once the day is over, worked out from the true crossings alone: the
     * finishers by their time. Everyone else is DNF or DNS by the officials' decisions, listed apart.
     */
    public List<Integer> expectedRanking(String raceCode) {
        return finishers(raceCode).stream()
                .sorted(Comparator.comparing(p -> last(p).time()))
                .map(Participant::bib)
                .toList();
    }

    /** Each finisher's true official time, start signal to finish. */
    public Map<Integer, Duration> expectedTimes(String raceCode) {
        return finishers(raceCode).stream().collect(java.util.stream.Collectors.toMap(Participant::bib,
                p -> RaceModel.gunTime(p.truth(), p.gun())));
    }

    private List<Participant> finishers(String raceCode) {
        return participants.stream()
                .filter(p -> p.runner().raceCode().equals(raceCode) && RaceModel.finished(p.truth(), p.course()))
                .toList();
    }

    public int registeredRunners() {
        return participants.size();
    }

    private static RaceModel.Crossing last(Participant p) {
        return p.truth().get(p.truth().size() - 1);
    }
}
