package fr.pyramidesnoires.results.ranking;

import com.fasterxml.jackson.annotation.JsonIgnore;
import fr.pyramidesnoires.events.RunnerTiming;
import fr.pyramidesnoires.results.race.Group;

/**
 * One line of a published ranking: public fields only.
 *
 * @param rank     null for runners listed apart (not started, DNF, DSQ, DNS)
 * @param name     null when the runner refused publication of their name
 * @param category category and sex, "SE-F" in the API; null where the race publishes only bibs
 * @param lastTime time of day at the last point reached, in the event's zone
 * @param raceTime official time for a finisher, time since the gun at the last point for a runner on course
 * @param gap      behind the leader at the same point, when there is one to compare with
 * @param onlyThroughStart whether the start is the only point the runner was read at: they have started, and have
 *                 no race time or gap yet
 */
public record RankingRow(
        Integer rank,
        int bib,
        String name,
        String club,
        Group category,
        String nationality,
        String status,
        String lastPointId,
        String lastPoint,
        String lastTime,
        String raceTime,
        String gap,
        boolean onlyThroughStart) {

    /** The status, for pages to write in words. */
    @JsonIgnore
    public RunnerTiming.Status runnerStatus() {
        return RunnerTiming.Status.valueOf(status);
    }
}
