package fr.pyramidesnoires.results.race;

import fr.pyramidesnoires.events.Units;
import io.quarkus.runtime.Startup;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import java.util.Locale;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Distances, climbs and paces as the pages write them, in the event's units ({@code results.units}, EVENT_UNITS):
 * {inject:units.distance(km)}. Read models and the API keep km and metres; only what a spectator reads changes.
 * Made at start-up, so that a misspelt setting stops the service instead of showing a race in the wrong units.
 */
@Startup
@Singleton
@Named("units")
public class EventUnits {

    private final Units units;

    EventUnits(@ConfigProperty(name = "results.units") String setting) {
        this.units = Units.of(setting);
    }

    /** "24.0 km", "14.9 mi". */
    public String distance(double km) {
        return units.written(km);
    }

    /** "700 m", "2297 ft". */
    public String climb(int metres) {
        return units.climbWritten(metres);
    }

    /** 7.5 minutes per km is "7:30 /km", or "12:04 /mi" in miles. */
    public String pace(double minutesPerKm) {
        long seconds = Math.round(units.pace(minutesPerKm * 60));
        return String.format(Locale.ROOT, "%d:%02d /%s", seconds / 60, seconds % 60, units.distanceUnit());
    }

    /** The column heading of distances: "km" or "mi". */
    public String distanceUnit() {
        return units.distanceUnit();
    }
}
