package fr.pyramidesnoires.results.race;

import fr.pyramidesnoires.events.RunnerTiming.Status;
import java.util.List;

/**
 * Where a race stands, as the event's home page says it: not started until a start signal or a first passage,
 * running while anyone is on course, finished once nobody is.
 */
public record RaceState(Phase phase, int starters, int onCourse, int finishers, int dnf, int dns) {

    public enum Phase {
        NOT_STARTED, RUNNING, FINISHED
    }

    public static RaceState of(List<Runner> runners, boolean gunGiven) {
        int onCourse = count(runners, Status.ON_COURSE);
        int finishers = count(runners, Status.FINISHED);
        int dnf = count(runners, Status.DNF);
        int dns = count(runners, Status.DNS);
        int starters = (int) runners.stream().filter(r -> !r.passages().isEmpty()).count();
        Phase phase = !gunGiven && starters == 0 ? Phase.NOT_STARTED
                : onCourse > 0 || finishers + dnf == 0 ? Phase.RUNNING : Phase.FINISHED;
        return new RaceState(phase, starters, onCourse, finishers, dnf, dns);
    }

    private static int count(List<Runner> runners, Status status) {
        return (int) runners.stream().filter(r -> r.status() == status).count();
    }
}
