package fr.pyramidesnoires.registration.admin;

import fr.pyramidesnoires.registration.race.Race;
import java.time.OffsetDateTime;

/** A race as the organiser sees it: what the races file fixes, and the settings they may change. */
public record AdminRace(String code, String name, double distanceKm, int elevationGainM, OffsetDateTime startTime,
                        int bibFirst, int bibLast, RaceSettings settings, String currency) {

    /** @param currency the event's, that of the fee in the settings */
    static AdminRace of(Race race, String currency) {
        return new AdminRace(race.code, race.name, race.distanceKm, race.elevationGainM, race.startTime,
                race.bibFirst, race.bibLast, RaceSettings.of(race), currency);
    }
}
