package fr.pyramidesnoires.simulator;

import java.time.LocalDate;

/**
 * A runner of the simulated field, with what only the simulator knows: how fast they are and how their day ends.
 *
 * @param paceMinPerKmEffort fresh pace, minutes per km-effort
 * @param withdrawAt         the point order after which the runner withdraws; -1 when they go on
 * @param startsRace         false for a runner who never comes to the start (DNS)
 */
record SimRunner(
        String firstName,
        String lastName,
        String sex,
        LocalDate birthDate,
        String club,
        String raceCode,
        double paceMinPerKmEffort,
        int withdrawAt,
        boolean startsRace) {
}
