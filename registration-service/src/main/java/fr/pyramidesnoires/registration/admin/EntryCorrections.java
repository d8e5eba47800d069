package fr.pyramidesnoires.registration.admin;

import fr.pyramidesnoires.events.EntryEvent;
import fr.pyramidesnoires.events.Topics;
import fr.pyramidesnoires.registration.entry.Entry;
import fr.pyramidesnoires.registration.entry.EntryRefused;
import fr.pyramidesnoires.registration.entry.EntryStatus;
import fr.pyramidesnoires.registration.entry.Registrations;
import fr.pyramidesnoires.registration.eligibility.Eligibility;
import fr.pyramidesnoires.registration.outbox.Outbox;
import fr.pyramidesnoires.registration.race.Race;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.UUID;

/** An organiser's corrections of an entry; what timing and results show goes to them through the outbox. */
@ApplicationScoped
public class EntryCorrections {

    final Outbox outbox;
    final Registrations registrations;

    EntryCorrections(Outbox outbox, Registrations registrations) {
        this.outbox = outbox;
        this.registrations = registrations;
    }

    /**
     * Applies the changes; the category follows the birth date and sex, and a new birth date or health proof must
     * still make the runner eligible, whose documents then need checking again. A bib or chip the organiser assigns
     * must be free in the whole event.
     */
    @Transactional
    public Entry correct(UUID id, EntryChanges changes) {
        Entry entry = locked(id);
        // only a place on the start line is public; a waitlisted entry has nothing for timing and results yet
        boolean published = entry.status == EntryStatus.CONFIRMED;
        EntryEvent before = published ? timeless(entry.publicEvent(EntryEvent.Type.UPSERTED)) : null;
        Eligibility.Health healthBefore = entry.health();
        boolean birthDateChanged = changes.birthDate() != null && !changes.birthDate().equals(entry.birthDate);
        apply(changes, entry);
        if (changes.bib() != null && !changes.bib().equals(entry.bib)) {
            assignBib(entry, changes.bib());
        }
        if (changes.chip() != null && !changes.chip().equals(entry.chip)) {
            assignChip(entry, changes.chip());
        }
        if (changes.sex() != null) {
            Registrations.refuseSexWithoutDivision(entry.sex, Race.findById(entry.raceCode));
        }
        boolean healthChanged = !entry.health().equals(healthBefore);
        if (birthDateChanged || healthChanged) {
            entry.category = registrations.eligibleCategory(entry.runner(), Race.findById(entry.raceCode));
        }
        if (healthChanged) {
            registrations.refuseHeldProofNumbers(entry);
            entry.documentsCheckedBy = null;
            entry.documentsCheckedAt = null;
        }
        if (published) {
            EntryEvent after = entry.publicEvent(EntryEvent.Type.UPSERTED);
            if (!timeless(after).equals(before)) {
                outbox.queue(Topics.ENTRIES, entry.id.toString(), after);
            }
        }
        return entry;
    }

    /** The organiser has seen the licence, PPS or certificate and found it valid; null to take that back. */
    @Transactional
    public Entry documentsChecked(UUID id, String organiser) {
        Entry entry = locked(id);
        entry.documentsCheckedBy = organiser;
        entry.documentsCheckedAt = organiser == null ? null : Instant.now();
        return entry;
    }

    /**
     * Under the race's lock, as the bibs handed out on registration are, so that neither takes the other's. Unique
     * in the event, not only in the race: two runners with one number on the course could not be told apart.
     */
    private static void assignBib(Entry entry, int bib) {
        refuseWithoutPlace(entry);
        Race race = Race.lockForEntry(entry.raceCode);
        if (bib < race.bibFirst || bib > race.bibLast) {
            throw new EntryRefused(422, "bib-out-of-range", "Le dossard " + bib + " n'est pas dans les dossards de "
                    + race.code + " (" + race.bibFirst + "-" + race.bibLast + ") / Bib " + bib + " is not in "
                    + race.code + "'s bibs (" + race.bibFirst + "-" + race.bibLast + ")");
        }
        refuseHeld("bib", bib, entry, "dossard");
        entry.bib = bib;
    }

    private static void assignChip(Entry entry, String chip) {
        refuseWithoutPlace(entry);
        refuseHeld("chip", chip, entry, "puce");
        entry.chip = chip;
    }

    /** Another entry of the event holding this bib or chip: named, so that the organiser can settle it. */
    private static void refuseHeld(String field, Object value, Entry entry, String frenchName) {
        Entry holder = Entry.find(field + " = ?1 and id <> ?2", value, entry.id).firstResult();
        if (holder != null) {
            throw new EntryRefused(409, field + "-taken", frenchName + " " + value + " : l'inscription " + holder.id
                    + " (" + holder.raceCode + ") l'a déjà / " + field + " " + value + ": held by entry "
                    + holder.id + " (" + holder.raceCode + ")");
        }
    }

    /** A waitlisted or cancelled entry has no bib: it gets one with its place. */
    private static void refuseWithoutPlace(Entry entry) {
        if (entry.status != EntryStatus.CONFIRMED) {
            throw new EntryRefused(409, "no-place", "Seule une inscription qui a une place reçoit un dossard et une"
                    + " puce / Only an entry with a place gets a bib and a chip");
        }
    }

    /** Locked for the change, so that two organisers' corrections never overwrite each other unseen. */
    private static Entry locked(UUID id) {
        return Entry.byId(id, LockModeType.PESSIMISTIC_WRITE);
    }

    private static void apply(EntryChanges changes, Entry entry) {
        if (changes.firstName() != null) {
            entry.firstName = changes.firstName().strip();
        }
        if (changes.lastName() != null) {
            entry.lastName = changes.lastName().strip();
        }
        if (changes.sex() != null) {
            entry.sex = changes.sex();
        }
        if (changes.birthDate() != null) {
            entry.birthDate = changes.birthDate();
        }
        if (changes.publishName() != null) {
            entry.publishName = changes.publishName();
        }
        if (changes.medicalCertificate() != null) {
            entry.medicalCertificate = changes.medicalCertificate();
        }
        if (changes.ppsDate() != null) {
            entry.ppsDate = changes.ppsDate();
        }
        entry.nationality = optional(changes.nationality(), entry.nationality);
        entry.club = optional(changes.club(), entry.club);
        entry.email = optional(changes.email(), entry.email);
        entry.phone = optional(changes.phone(), entry.phone);
        entry.emergencyContactName = optional(changes.emergencyContactName(), entry.emergencyContactName);
        entry.emergencyContactPhone = optional(changes.emergencyContactPhone(), entry.emergencyContactPhone);
        entry.licenceNumber = optional(changes.licenceNumber(), entry.licenceNumber);
        entry.ppsNumber = optional(changes.ppsNumber(), entry.ppsNumber);
        // the date belongs to the PPS: a PPS emptied takes its date with it
        if (entry.ppsNumber == null) {
            entry.ppsDate = null;
        }
    }

    /** Null keeps the current value, blank clears it. */
    private static String optional(String change, String current) {
        if (change == null) {
            return current;
        }
        return change.isBlank() ? null : change.strip();
    }

    /** The event without its time stamp, to tell whether anything public changed. */
    private static EntryEvent timeless(EntryEvent e) {
        return new EntryEvent(e.type(), e.entryId(), e.raceCode(), e.bib(), e.chip(), e.firstName(), e.lastName(),
                e.nameHidden(), e.sex(), e.category(), e.club(), e.nationality(), null, e.passingAlertsRefused());
    }
}
