package fr.pyramidesnoires.registration.race;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.node.ObjectNode;
import fr.pyramidesnoires.events.Units;
import fr.pyramidesnoires.registration.price.PaymentTerms;
import fr.pyramidesnoires.events.Topics;
import fr.pyramidesnoires.registration.entry.Registrations;
import fr.pyramidesnoires.registration.outbox.Outbox;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.lang.reflect.RecordComponent;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
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
    /** A field of the races file that another one may stand for, in other units or under its older name. */
    private record Alternative(String field, String instead) {
    }

    private static final List<Alternative> ALTERNATIVES = List.of(new Alternative("distanceKm", "distanceMiles"),
            new Alternative("elevationGainM", "elevationGainFt"), new Alternative("fee", "feeEur"));
    private static final Set<String> FIELDS = Stream.concat(
                    Arrays.stream(RaceDefinition.class.getRecordComponents()).map(RecordComponent::getName),
                    ALTERNATIVES.stream().map(Alternative::instead))
            .collect(Collectors.toCollection(LinkedHashSet::new));

    @ConfigProperty(name = "registration.races-file")
    Optional<String> racesFile;

    /** The zone of the races file's times that give neither an offset nor a zone name. */
    @ConfigProperty(name = "registration.event-zone")
    ZoneId eventZone;

    final ObjectMapper json;
    final Outbox outbox;
    final Registrations registrations;
    final EntityManager em;

    RaceCatalog(ObjectMapper json, Outbox outbox, Registrations registrations, EntityManager em) {
        this.json = json;
        this.em = em;
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
        // instances started together take turns: a race not yet in the database has no row to lock, and both would
        // insert it, the second failing its start-up on the primary key
        em.createNativeQuery(
                "SELECT count(*) FROM (SELECT pg_advisory_xact_lock(hashtext('registration.races-file'))) l")
                .getSingleResult();
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
            return parse(json.readTree(in));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the races file", e);
        }
    }

    /**
     * The races a races file defines, or the first fault found, naming the race and the field: a race read with a
     * field it does not know (a distance in leagues, say) would be a 0 km race that every rule then gets wrong. A
     * distance in miles and a climb in feet are kept in km and metres, as every rule and service counts them.
     */
    List<RaceDefinition> parse(JsonNode races) {
        if (!races.isArray()) {
            throw new IllegalStateException("The races file must be a JSON array of races");
        }
        ObjectMapper reader = json.copy().registerModule(
                new SimpleModule().addDeserializer(OffsetDateTime.class, new RaceFileTime(eventZone)));
        List<RaceDefinition> definitions = new ArrayList<>();
        for (int i = 0; i < races.size(); i++) {
            String name = "Race " + (races.get(i).path("code").isTextual() ? races.get(i).path("code").asText()
                    : "#" + (i + 1)) + " in the races file";
            if (!races.get(i).isObject()) {
                throw new IllegalStateException(name + " is not a JSON object of fields");
            }
            ObjectNode race = races.get(i).deepCopy();
            Iterator<String> fields = race.fieldNames();
            while (fields.hasNext()) {
                String field = fields.next();
                if (!FIELDS.contains(field)) {
                    throw new IllegalStateException(name + " has an unknown field " + field
                            + " (distances are distanceKm or distanceMiles, climbs elevationGainM or elevationGainFt):"
                            + " a race takes " + String.join(", ", FIELDS));
                }
            }
            for (Alternative alternative : ALTERNATIVES) {
                if (race.has(alternative.field()) && race.has(alternative.instead())) {
                    throw new IllegalStateException(name + " gives both " + alternative.field() + " and "
                            + alternative.instead() + ": give one of them");
                }
            }
            if (race.has("distanceMiles")) {
                JsonNode miles = race.remove("distanceMiles");
                if (!miles.isNumber() || miles.asDouble() <= 0) {
                    throw new IllegalStateException(name + " gives no distance: distanceMiles must be a number of"
                            + " miles above 0, not " + miles);
                }
                race.put("distanceKm", Units.km(miles.asDouble()));
            }
            if (!race.path("distanceKm").isNumber() || race.path("distanceKm").asDouble() <= 0) {
                throw new IllegalStateException(name + " gives no distance: distanceKm (or distanceMiles) must be a"
                        + " number above 0, not " + race.path("distanceKm"));
            }
            if (race.has("elevationGainFt")) {
                JsonNode feet = race.remove("elevationGainFt");
                if (!feet.isNumber() || feet.asDouble() < 0) {
                    throw new IllegalStateException(name + ": elevationGainFt must be a number of feet, 0 or more,"
                            + " not " + feet);
                }
                race.put("elevationGainM", Units.metres(feet.asDouble()));
            }
            if (!race.path("startTime").isTextual()) {
                throw new IllegalStateException(name + " gives no start: startTime must be a date and time");
            }
            if (race.has("payment")) {
                try {
                    PaymentTerms.read(reader, race.get("payment"));
                } catch (IllegalArgumentException e) {
                    throw new IllegalStateException(name + ": " + e.getMessage(), e);
                }
            }
            try {
                definitions.add(reader.treeToValue(race, RaceDefinition.class));
            } catch (JsonProcessingException e) {
                String field = e instanceof JsonMappingException mapping ? mapping.getPath().stream()
                        .map(JsonMappingException.Reference::getFieldName).filter(Objects::nonNull)
                        .collect(Collectors.joining(".")) : "";
                throw new IllegalStateException(name + ": field " + field + " cannot be read: "
                        + e.getOriginalMessage(), e);
            }
        }
        return definitions;
    }
}
