package fr.pyramidesnoires.simulator;

import java.time.Instant;

/** What people, not mats, do on race day: officials deciding, volunteers typing bibs. */
sealed interface OfficeAction {

    /** When it happens on the race clock. */
    Instant at();

    /** The starter fires the gun. */
    record StartSignal(String raceCode, Instant at) implements OfficeAction {
    }

    /** An official records a DNF or a DNS. */
    record StatusDecision(String raceCode, int bib, String status, String reason, Instant at) implements OfficeAction {
    }

    /** A volunteer at a checkpoint types the bib of a runner the mat missed, the time as they saw it. */
    record VolunteerEntry(String pointId, int bib, Instant seen, Instant at) implements OfficeAction {
    }
}
