package fr.pyramidesnoires.results.ranking;

import io.quarkus.qute.TemplateExtension;
import io.quarkus.qute.TemplateExtension.TemplateAttribute;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** How pages write times and paces: {fmt:duration(d)}, {fmt:pace(minutesPerKm)}, {fmt:day(start)}. */
@TemplateExtension(namespace = "fmt")
public final class Formats {

    static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEEE d MMMM, HH:mm");

    private Formats() {
    }

    /** A race's start in the page's language: "samedi 20 mars, 09:00", "Saturday 20 March, 09:00". */
    static String day(ZonedDateTime time, @TemplateAttribute Object locale) {
        return DAY.withLocale((Locale) locale).format(time);
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
