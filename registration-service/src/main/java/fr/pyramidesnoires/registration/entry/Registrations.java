package fr.pyramidesnoires.registration.entry;

import fr.pyramidesnoires.events.EntryEvent;
import fr.pyramidesnoires.events.Topics;
import fr.pyramidesnoires.registration.category.Category;
import fr.pyramidesnoires.registration.outbox.Outbox;
import fr.pyramidesnoires.registration.race.Race;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.HexFormat;
import java.util.UUID;

@ApplicationScoped
public class Registrations {

    private static final SecureRandom RANDOM = new SecureRandom();

    final EntityManager em;
    final Outbox outbox;

    Registrations(EntityManager em, Outbox outbox) {
        this.em = em;
        this.outbox = outbox;
    }

    /**
     * Stores the entry with its bib and chip and queues its public event in the same transaction, so the
     * database and the entries topic can never disagree.
     */
    @Transactional
    public Entry register(RegistrationRequest request) {
        Race race = Race.lockForEntry(request.raceCode());
        if (race == null) {
            throw new EntryRefused(404, "unknown-race", "There is no race " + request.raceCode());
        }
        if (Entry.alreadyEntered(race.code, request.firstName(), request.lastName(), request.birthDate())) {
            throw new EntryRefused(409, "already-entered",
                    request.firstName() + " " + request.lastName() + " is already entered in " + race.code);
        }
        if (Entry.count("raceCode", race.code) >= race.capacity) {
            throw new EntryRefused(409, "race-full", race.name + " is full (" + race.capacity + " places)");
        }
        Integer bib = nextFreeBib(race);
        if (bib == null) {
            throw new EntryRefused(409, "no-bib-left", "No bib left in " + race.bibFirst + "-" + race.bibLast);
        }
        Entry entry = new Entry();
        entry.id = UUID.randomUUID();
        entry.raceCode = race.code;
        entry.bib = bib;
        entry.chip = newChipId();
        entry.firstName = request.firstName().strip();
        entry.lastName = request.lastName().strip();
        entry.sex = request.sex();
        entry.birthDate = request.birthDate();
        entry.nationality = request.nationality();
        entry.club = request.club() == null || request.club().isBlank() ? null : request.club().strip();
        entry.email = request.email();
        entry.publishName = request.publishName() == null || request.publishName();
        entry.category = categoryOf(request, race);
        entry.createdAt = Instant.now();
        entry.persist();
        outbox.queue(Topics.ENTRIES, entry.id.toString(), entry.publicEvent(EntryEvent.Type.UPSERTED));
        return entry;
    }

    private static String categoryOf(RegistrationRequest request, Race race) {
        try {
            return Category.on(request.birthDate(), race.raceDay()).name();
        } catch (IllegalArgumentException e) {
            throw new EntryRefused(422, "birth-date", "A birth date in " + request.birthDate().getYear()
                    + " gives no age category for this race");
        }
    }

    private Integer nextFreeBib(Race race) {
        Object bib = em.createNativeQuery("""
                SELECT min(b) FROM generate_series(?1, ?2) AS b
                WHERE NOT EXISTS (SELECT 1 FROM entry e WHERE e.racecode = ?3 AND e.bib = b)""")
                .setParameter(1, race.bibFirst)
                .setParameter(2, race.bibLast)
                .setParameter(3, race.code)
                .getSingleResult();
        return bib == null ? null : ((Number) bib).intValue();
    }

    /** A UHF chip's EPC-like id: 96 random bits, so a chip id says nothing about the runner. */
    private static String newChipId() {
        byte[] bytes = new byte[12];
        RANDOM.nextBytes(bytes);
        return HexFormat.of().withUpperCase().formatHex(bytes);
    }
}
