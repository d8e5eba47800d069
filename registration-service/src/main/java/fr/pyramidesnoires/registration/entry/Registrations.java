package fr.pyramidesnoires.registration.entry;

import fr.pyramidesnoires.events.EntryEvent;
import fr.pyramidesnoires.events.Topics;
import fr.pyramidesnoires.registration.category.Category;
import fr.pyramidesnoires.registration.eligibility.Eligibility;
import fr.pyramidesnoires.registration.outbox.Outbox;
import fr.pyramidesnoires.registration.race.Race;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Base64;
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
     * Stores the entry, with a bib and a chip while the race has room and on its waitlist once it is full, and
     * queues its public event in the same transaction, so that the database and the entries topic never disagree.
     * Entries into one race are decided one at a time, under the race's lock: capacity is never exceeded.
     */
    @Transactional
    public Entry register(RegistrationRequest request) {
        Race race = Race.lockForEntry(request.raceCode());
        if (race == null) {
            throw new EntryRefused(404, "unknown-race", "There is no race " + request.raceCode());
        }
        Eligibility.window(Instant.now(), race.entriesOpen, race.entriesClose).ifPresent(refusal -> {
            throw new EntryRefused(422, refusal.rule(), refusal.reason());
        });
        if (Entry.alreadyEntered(race.code, request.firstName(), request.lastName(), request.birthDate())) {
            throw new EntryRefused(409, "already-entered",
                    request.firstName() + " " + request.lastName() + " is already entered in " + race.code);
        }
        Eligibility.Health health = new Eligibility.Health(request.licenceNumber(), request.ppsNumber(),
                request.ppsDate(), Boolean.TRUE.equals(request.medicalCertificate()));
        Category category = eligibleCategory(request.birthDate(), health, race);
        Entry entry = new Entry();
        entry.id = UUID.randomUUID();
        entry.raceCode = race.code;
        entry.firstName = request.firstName().strip();
        entry.lastName = request.lastName().strip();
        entry.sex = request.sex();
        entry.birthDate = request.birthDate();
        entry.nationality = request.nationality();
        entry.club = request.club() == null || request.club().isBlank() ? null : request.club().strip();
        entry.email = request.email();
        entry.phone = request.phone();
        entry.emergencyContactName = request.emergencyContactName();
        entry.emergencyContactPhone = request.emergencyContactPhone();
        entry.publishName = request.publishName() == null || request.publishName();
        entry.category = category.name();
        entry.licenceNumber = health.licenceNumber();
        entry.ppsNumber = health.ppsNumber();
        entry.ppsDate = health.ppsDate();
        entry.medicalCertificate = health.medicalCertificate();
        entry.token = newToken();
        entry.createdAt = Instant.now();
        if (Entry.confirmed(race.code) < race.capacity) {
            givePlace(entry, race, newChipId());
        } else {
            entry.status = EntryStatus.WAITLISTED;
            entry.waitlistedAt = entry.createdAt;
            entry.persist();
        }
        return entry;
    }

    /** The runner gives up their entry; a place freed goes at once to the first runner on the waitlist. */
    @Transactional
    public Entry cancel(String token) {
        Entry entry = Entry.find("token", token).firstResult();
        if (entry == null) {
            throw new EntryRefused(404, "unknown-entry", "No entry has this link");
        }
        Race race = Race.lockForEntry(entry.raceCode);
        if (entry.status == EntryStatus.CANCELLED) {
            throw new EntryRefused(409, "already-cancelled", "This entry was already cancelled");
        }
        boolean hadPlace = entry.status == EntryStatus.CONFIRMED;
        if (hadPlace) {
            outbox.queue(Topics.ENTRIES, entry.id.toString(), entry.publicEvent(EntryEvent.Type.CANCELLED));
        }
        entry.status = EntryStatus.CANCELLED;
        entry.bib = null;
        entry.chip = null;
        entry.waitlistedAt = null;
        if (hadPlace) {
            promoteWaitlist(race);
        }
        return entry;
    }

    /**
     * An organiser moves an entry to another race: the runner must be eligible there and the race must have a
     * place (an organiser frees one or raises the capacity first). The entry gets a bib of its new race and keeps
     * its chip; the place it leaves goes to the old race's waitlist.
     */
    @Transactional
    public Entry move(UUID entryId, String raceCode) {
        Entry entry = Entry.findById(entryId);
        if (entry == null) {
            throw new EntryRefused(404, "unknown-entry", "There is no entry " + entryId);
        }
        if (entry.raceCode.equals(raceCode)) {
            throw new EntryRefused(409, "same-race", "The entry is already in " + raceCode);
        }
        // both races locked in one order, so that two opposite moves cannot wait on each other
        boolean toFirst = raceCode.compareTo(entry.raceCode) < 0;
        Race first = Race.lockForEntry(toFirst ? raceCode : entry.raceCode);
        Race second = Race.lockForEntry(toFirst ? entry.raceCode : raceCode);
        Race from = toFirst ? second : first;
        Race to = toFirst ? first : second;
        if (to == null) {
            throw new EntryRefused(404, "unknown-race", "There is no race " + raceCode);
        }
        // read again under the locks: the runner may have cancelled, or an organiser corrected it, meanwhile
        em.refresh(entry, LockModeType.PESSIMISTIC_WRITE);
        if (entry.status == EntryStatus.CANCELLED || !entry.raceCode.equals(from.code)) {
            throw new EntryRefused(409, "entry-changed", "The entry was cancelled or moved meanwhile");
        }
        if (Entry.alreadyEntered(to.code, entry.firstName, entry.lastName, entry.birthDate)) {
            throw new EntryRefused(409, "already-entered",
                    entry.firstName + " " + entry.lastName + " is already entered in " + to.code);
        }
        Category category = eligibleCategory(entry.birthDate, entry.health(), to);
        if (Entry.confirmed(to.code) >= to.capacity) {
            throw new EntryRefused(409, "race-full", to.code + " is full (" + to.capacity
                    + " places): free a place or raise its capacity first");
        }
        boolean hadPlace = entry.status == EntryStatus.CONFIRMED;
        entry.raceCode = to.code;
        entry.category = category.name();
        entry.bib = null;
        givePlace(entry, to, entry.chip != null ? entry.chip : newChipId());
        if (hadPlace) {
            promoteWaitlist(from);
        }
        return entry;
    }

    /** Gives the race's free places, if any, to its waitlist in order. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void promoteWaitlist(Race race) {
        long confirmed = Entry.confirmed(race.code);
        for (; confirmed < race.capacity; confirmed++) {
            Entry next = Entry.firstWaitlisted(race.code);
            if (next == null) {
                return;
            }
            // every bib given or freed so far must be in the database before the next bib is looked up
            em.flush();
            givePlace(next, race, newChipId());
        }
    }

    /** The runner's category on the race's day, once the runner is found eligible for that race. */
    public static Category eligibleCategory(LocalDate birthDate, Eligibility.Health health, Race race) {
        Category category = categoryOf(birthDate, race);
        Eligibility.check(race.kmEffort(), category, race.limits(), health, race.raceDay(),
                race.medicalCertificateAllowed).ifPresent(refusal -> {
                    throw new EntryRefused(422, refusal.rule(), refusal.reason());
                });
        return category;
    }

    private void givePlace(Entry entry, Race race, String chip) {
        Integer bib = nextFreeBib(race);
        if (bib == null) {
            throw new EntryRefused(409, "no-bib-left", "No bib left in " + race.bibFirst + "-" + race.bibLast);
        }
        entry.bib = bib;
        entry.chip = chip;
        entry.status = EntryStatus.CONFIRMED;
        entry.waitlistedAt = null;
        entry.persist();
        outbox.queue(Topics.ENTRIES, entry.id.toString(), entry.publicEvent(EntryEvent.Type.UPSERTED));
    }

    /** 32 random bytes: the private link cannot be guessed or enumerated. */
    private static String newToken() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static Category categoryOf(LocalDate birthDate, Race race) {
        try {
            return Category.on(birthDate, race.raceDay());
        } catch (IllegalArgumentException e) {
            throw new EntryRefused(422, "birth-date", "A birth date in " + birthDate.getYear()
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
