package fr.pyramidesnoires.events;

import java.util.Locale;

/**
 * The units an event gives its distances and climbs in: every service keeps km and metres, and each page shows
 * them in the event's units (EVENT_UNITS), paces included. One definition, so that a mile is the same length in the
 * races file, the courses file and on every page.
 */
public enum Units {
    KM("km", "m"),
    MILES("mi", "ft");

    public static final double KM_PER_MILE = 1.609344;
    public static final double METRES_PER_FOOT = 0.3048;

    private final String distanceUnit;
    private final String climbUnit;

    Units(String distanceUnit, String climbUnit) {
        this.distanceUnit = distanceUnit;
        this.climbUnit = climbUnit;
    }

    /** "km" or "mi", as pages print it after a distance and a pace ("/km", "/mi"). */
    public String distanceUnit() {
        return distanceUnit;
    }

    /** "m" or "ft". */
    public String climbUnit() {
        return climbUnit;
    }

    /** A distance kept in km, in these units. */
    public double distance(double km) {
        return this == KM ? km : km / KM_PER_MILE;
    }

    /** A distance kept in km, in these units to the tenth and with its unit, as pages write it: "26.2 mi". */
    public String written(double km) {
        return String.format(Locale.ROOT, "%.1f %s", distance(km), distanceUnit);
    }

    /**
     * A climb kept in metres, in these units: to the nearest metre, or to the nearest 5 ft. Whole metres cannot hold
     * a climb to the foot (a metre is 3.28 ft), so that to the nearest foot 18,000 ft in the organiser's file came back
     * as 17,999 ft on every page; to the nearest 5 ft, any figure in fives comes back as written.
     */
    public long climb(int metres) {
        return this == KM ? metres : 5 * Math.round(metres / METRES_PER_FOOT / 5);
    }

    /** A climb kept in metres, in these units with its unit, as pages write it: "400 m", "1310 ft". */
    public String climbWritten(int metres) {
        return climb(metres) + " " + climbUnit;
    }

    /** Seconds per unit of distance, for a pace kept in seconds per km. */
    public double pace(double secondsPerKm) {
        return this == KM ? secondsPerKm : secondsPerKm * KM_PER_MILE;
    }

    public static double km(double miles) {
        return miles * KM_PER_MILE;
    }

    public static int metres(double feet) {
        return (int) Math.round(feet * METRES_PER_FOOT);
    }

    /**
     * The event's setting: km (or metric) and miles (or mi, imperial), in any case.
     *
     * @throws IllegalArgumentException naming what is accepted, so that a misspelt setting stops the service at
     *                                  start-up rather than showing a race in the wrong units
     */
    public static Units of(String setting) {
        return switch (setting.strip().toLowerCase(Locale.ROOT)) {
            case "km", "metric" -> KM;
            case "miles", "mi", "imperial" -> MILES;
            default -> throw new IllegalArgumentException("EVENT_UNITS is km (or metric) or miles (or imperial), not '"
                    + setting + "'");
        };
    }
}
