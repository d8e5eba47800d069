package fr.pyramidesnoires.simulator;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * When a runner truly crosses each point: the ground truth the platform's results must match. Each segment
 * costs its km-effort at the runner's pace, slowed by fatigue as the race goes on, with some day-to-day noise.
 */
final class RaceModel {

    /** A true crossing of a point; {@code cutOff} when the runner got there after its cut-off and is stopped. */
    record Crossing(int order, String matId, Instant time, boolean cutOff) {
    }

    private RaceModel() {
    }

    static List<Crossing> crossings(SimRunner runner, SimCourse course, Instant gun, Random random) {
        List<Crossing> crossings = new ArrayList<>();
        if (!runner.startsRace()) {
            return crossings;
        }
        // the pen empties over a minute or so: the back of the field crosses the start mat later
        Instant time = gun.plusMillis((long) (random.nextDouble() * 60_000 * Math.min(1, runner.paceMinPerKmEffort() / 14)));
        crossings.add(new Crossing(0, course.points().get(0).matId(), time, false));
        for (int order = 1; order < course.points().size(); order++) {
            SimCourse.Point from = course.points().get(order - 1);
            SimCourse.Point to = course.points().get(order);
            double fatigue = 1 + 0.003 * from.kmEffort();
            double minutes = (to.kmEffort() - from.kmEffort()) * runner.paceMinPerKmEffort() * fatigue
                    * (1 + 0.04 * random.nextGaussian());
            time = time.plusMillis((long) (minutes * 60_000));
            boolean cutOff = to.cutoff() != null && time.isAfter(gun.plus(to.cutoff()));
            crossings.add(new Crossing(order, to.matId(), time, cutOff));
            if (cutOff || order == runner.withdrawAt()) {
                break;
            }
        }
        return crossings;
    }

    static boolean finished(List<Crossing> crossings, SimCourse course) {
        return !crossings.isEmpty() && crossings.get(crossings.size() - 1).order() == course.points().size() - 1
                && !crossings.get(crossings.size() - 1).cutOff();
    }

    static Duration gunTime(List<Crossing> crossings, Instant gun) {
        return Duration.between(gun, crossings.get(crossings.size() - 1).time());
    }
}
