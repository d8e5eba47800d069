package fr.pyramidesnoires.results.ranking;

import io.quarkus.qute.TemplateExtension;
import java.time.Duration;

/** How pages write times and paces: {fmt:duration(d)}, {fmt:pace(minutesPerKm)}. */
@TemplateExtension(namespace = "fmt")
public final class Formats {

    private Formats() {
    }

    static String duration(Duration duration) {
        return RaceTimes.format(duration);
    }

    /** 6.25 minutes per km is written 6:15. */
    static String pace(Double minutesPerKm) {
        long seconds = Math.round(minutesPerKm * 60);
        return String.format("%d:%02d", seconds / 60, seconds % 60);
    }
}
