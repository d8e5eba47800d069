package fr.pyramidesnoires.registration.race;

import com.fasterxml.jackson.databind.ObjectMapper;
import fr.pyramidesnoires.events.Topics;
import fr.pyramidesnoires.registration.entry.Registrations;
import fr.pyramidesnoires.registration.outbox.Outbox;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.transaction.Transactional;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Loads the event's races from the organiser's file at start-up. A race whose definition in the file changed
 * takes it whole on the next start, and places its new capacity adds go to its waitlist at once, as when an
 * organiser raises it through the API; a race whose definition did not change keeps what organisers changed
 * through the API.
 */
@ApplicationScoped
public class RaceCatalog {

    private static final Logger LOG = Logger.getLogger(RaceCatalog.class);
    private static final String SAMPLE = "races-sample.json";

    @ConfigProperty(name = "registration.races-file")
    Optional<String> racesFile;

    final ObjectMapper json;
    final Outbox outbox;
    final Registrations registrations;

    RaceCatalog(ObjectMapper json, Outbox outbox, Registrations registrations) {
        this.json = json;
        this.outbox = outbox;
        this.registrations = registrations;
    }

    void load(@Observes StartupEvent start) {
        List<RaceDefinition> definitions = read();
        apply(definitions);
        LOG.infof("%d races loaded from %s", definitions.size(), racesFile.orElse(SAMPLE + " (sample event)"));
    }

    /** The races as the organiser's file defines them. */
    @Transactional
    public void apply(List<RaceDefinition> definitions) {
        for (RaceDefinition definition : definitions) {
            int bibs = definition.bibLast() - definition.bibFirst() + 1;
            if (definition.capacity() > bibs) {
                throw new IllegalStateException("Race " + definition.code() + " in the races file has "
                        + definition.capacity() + " places but only " + bibs + " bibs (" + definition.bibFirst()
                        + "-" + definition.bibLast() + "): give it fewer places or more bibs");
            }
        }
        // locked in the order of their codes, as a move between two races locks them, so neither waits on the other
        for (RaceDefinition definition : definitions.stream()
                .sorted(Comparator.comparing(RaceDefinition::code)).toList()) {
            // under the race's lock, like every entry into it: another replica may be taking entries meanwhile
            Race race = Optional.ofNullable(Race.lockForEntry(definition.code())).orElseGet(Race::new);
            String digest = digest(definition);
            if (!digest.equals(race.definitionDigest)) {
                definition.applyTo(race);
                race.definitionDigest = digest;
                race.persist();
                registrations.promoteWaitlist(race);
            }
            // every start republishes: the topic is compacted, and a consumer can never miss the current races
            outbox.queue(Topics.RACES, race.code, race.publicEvent());
        }
    }

    private String digest(RaceDefinition definition) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(json.writeValueAsBytes(definition));
            return HexFormat.of().formatHex(hash);
        } catch (IOException | NoSuchAlgorithmException e) {
            throw new IllegalStateException("Cannot digest race " + definition.code(), e);
        }
    }

    private List<RaceDefinition> read() {
        try (InputStream in = racesFile.isPresent()
                ? Files.newInputStream(Path.of(racesFile.get()))
                : RaceCatalog.class.getClassLoader().getResourceAsStream(SAMPLE)) {
            return List.of(json.readValue(in, RaceDefinition[].class));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the races file", e);
        }
    }
}
