package fr.pyramidesnoires.results.ranking;

import io.quarkus.qute.TemplateExtension;
import io.quarkus.qute.TemplateExtension.TemplateAttribute;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** How pages write times and links: {fmt:duration(d)}, {fmt:day(start)}, {fmt:query(category)}. */
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

    /** A value for a link's query, "M+50" as M%2B50: categories are whatever text the organiser's races use. */
    static String query(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
