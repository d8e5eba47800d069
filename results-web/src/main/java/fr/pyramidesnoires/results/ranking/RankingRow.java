package fr.pyramidesnoires.results.ranking;

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
        String gap) {
}
