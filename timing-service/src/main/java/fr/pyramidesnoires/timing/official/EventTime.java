package fr.pyramidesnoires.timing.official;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The event's wall-clock time, as the officials read their watches and as a datetime-local field shows and sends
 * it: pages speak it, the API and the database keep instants.
 */
@ApplicationScoped
public class EventTime {

    public static final String UNREADABLE = "Heure illisible, attendue AAAA-MM-JJThh:mm:ss / Unreadable time,"
            + " expected YYYY-MM-DDThh:mm:ss: ";

    @ConfigProperty(name = "timing.event-zone")
    ZoneId zone;

    /** To the second, which is what the fields show. */
    public String local(Instant instant) {
        return instant == null ? null
                : LocalDateTime.ofInstant(instant.truncatedTo(ChronoUnit.SECONDS), zone).toString();
    }

    /** @return empty when the text is not a local date and time */
    public Optional<Instant> instant(String local) {
        try {
            return Optional.of(LocalDateTime.parse(local == null ? "" : local.strip()).atZone(zone).toInstant());
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }
}
