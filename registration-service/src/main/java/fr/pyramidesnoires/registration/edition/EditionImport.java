package fr.pyramidesnoires.registration.edition;

import fr.pyramidesnoires.events.Topics;
import fr.pyramidesnoires.registration.outbox.Outbox;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

/**
 * Puts an edition's race on the past-results topic through the outbox, so that an import the organiser was told
 * succeeded reaches results even when Kafka is away at that moment. Registration keeps no copy: the compacted
 * topic holds the latest import of each edition and race, which is the one results show.
 */
@ApplicationScoped
public class EditionImport {

    final Outbox outbox;

    EditionImport(Outbox outbox) {
        this.outbox = outbox;
    }

    @Transactional
    public EditionSheet.Read publish(int year, String raceCode, String raceName, String distanceKm, String columns,
                                     String csv) {
        EditionSheet.Read read = EditionSheet.read(year, raceCode, raceName, distanceKm, columns, csv);
        outbox.queue(Topics.PAST_RESULTS, read.results().key(), read.results());
        return read;
    }
}
