package fr.pyramidesnoires.registration.entry;

import fr.pyramidesnoires.events.EntryEvent;
import fr.pyramidesnoires.events.Topics;
import fr.pyramidesnoires.problem.ProblemException;
import fr.pyramidesnoires.registration.eligibility.Eligibility;
import fr.pyramidesnoires.registration.eligibility.EntryRules;
import fr.pyramidesnoires.registration.event.EventSettings;
import fr.pyramidesnoires.registration.entry.EntryChanged.Change;
import fr.pyramidesnoires.registration.outbox.Outbox;
import fr.pyramidesnoires.registration.payment.EntryPrices;
import fr.pyramidesnoires.registration.payment.Payment;
import fr.pyramidesnoires.registration.payment.PaymentSettings;
import fr.pyramidesnoires.registration.payment.Payments;
import fr.pyramidesnoires.registration.race.Race;
import fr.pyramidesnoires.registration.race.RecentRaces;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

@ApplicationScoped
public class Registrations {

    private static final SecureRandom RANDOM = new SecureRandom();

    final EntityManager em;
    final Outbox outbox;
    final Event<EntryChanged> changes;
    final RecentRaces races;
    final EntryRules rules;
    final PaymentSettings paymentSettings;
    final EntryPrices prices;
    final Payments payments;

    Registrations(EntityManager em, Outbox outbox, Event<EntryChanged> changes, RecentRaces races,
                  EventSettings event, PaymentSettings paymentSettings, EntryPrices prices, Payments payments) {
        this.em = em;
        this.outbox = outbox;
        this.changes = changes;
        this.races = races;
        this.rules = event.rules();
        this.paymentSettings = paymentSettings;
        this.prices = prices;
        this.payments = payments;
    }

    /**
     * Registers one runner in the caller's transaction, which then owns the entry: the form stores the runner's
     * certificate in it, and a rollback undoes both. The API goes through the {@link Registrar} instead, which
     * decides many requests in one transaction by the same rules.
     */
    @Transactional
    public Entry register(RegistrationRequest request) {
        return decide(request.raceCode(), List.of(request)).get(0).entryOrThrow();
    }

    /**
     * What can be refused before a request waits for its race: the race, its window and the runner's eligibility,
     * read without lock. The decision checks them again under the lock, as an organiser may change the race meanwhile.
     */
    public void precheck(RegistrationRequest request) {
        try {
            precheck(request, races.recent(request.raceCode()));
        } catch (EntryRefused refused) {
            // the copy may predate an organiser's change: only the race as it is now refuses
            precheck(request, races.current(request.raceCode()));
        }
    }

    private void precheck(RegistrationRequest request, Optional<Race> found) {
        Race race = found.orElseThrow(() -> unknownRace(request.raceCode()));
        refuseUnlessTakingEntries(race);
        refuseSexWithoutDivision(request.sex(), race);
        eligibleCategory(runner(request), race);
    }

    /**
     * Decides the requests into one race in their order, under the race's lock, in the current transaction: each
     * gets a place while the race has room, then the waitlist, or its own refusal, which leaves the others as they
     * are. Each entry and its public event are stored together, so the database and the entries topic never
     * disagree. The duplicate check, the count of places, the waitlist and the free bibs take one query each,
     * whatever the number of requests.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<Decision> decide(String raceCode, List<RegistrationRequest> requests) {
        Race race = lockedRace(raceCode);
        Decision[] decisions = new Decision[requests.size()];
        List<Integer> admitted = new ArrayList<>();
        List<Entry> entries = new ArrayList<>();
        Set<Person> entered = Entry.entered(race.code,
                requests.stream().map(RegistrationRequest::birthDate).distinct().toList());
        Set<ProofNumbers.Key> held = ProofNumbers.lockAndFindHeld(requests.stream()
                .flatMap(request -> ProofNumbers.of(health(request)).stream()).collect(Collectors.toSet()), null);
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        EntryPrices.Batch bills = prices.batch(race);
        for (int i = 0; i < requests.size(); i++) {
            RegistrationRequest request = requests.get(i);
            try {
                refuseUnlessTakingEntries(race);
                Person person = Person.of(request);
                if (entered.contains(person)) {
                    throw alreadyEntered(request.firstName(), request.lastName(), race);
                }
                Entry entry = new Entry();
                entry.id = UUID.randomUUID();
                entry.raceCode = race.code;
                describe(entry, request, race);
                Set<ProofNumbers.Key> numbers = ProofNumbers.of(entry.health());
                refuseIfHeld(numbers, held);
                // last, once nothing else refuses it: its extras and discount count against the batch's next ones
                bills.bill(entry, request, now);
                // a microsecond apart: the waitlist is served in arrival order, also within a batch
                entry.createdAt = now.plus(entries.size(), ChronoUnit.MICROS);
                entered.add(person);
                held.addAll(numbers);
                admitted.add(i);
                entries.add(entry);
            } catch (EntryRefused refused) {
                decisions[i] = Decision.refused(refused);
            }
        }
        Entry.Roll roll = Entry.roll(race.code);
        int places = (int) Math.max(0, Math.min(race.capacity - roll.placesTaken(), entries.size()));
        Iterator<Integer> bibs = freeBibs(race, places).iterator();
        long waiting = roll.waitlisted();
        for (int k = 0; k < entries.size(); k++) {
            Entry entry = entries.get(k);
            Long position = null;
            if (k >= places) {
                entry.status = EntryStatus.WAITLISTED;
                entry.waitlistedAt = entry.createdAt;
                entry.persist();
                position = ++waiting;
            } else if (paymentSettings.waitsForPayment(entry.amountDueCents)) {
                hold(entry, now.plus(paymentSettings.hold()));
            } else if (bibs.hasNext()) {
                givePlace(entry, bibs.next(), newChipId());
            } else {
                decisions[admitted.get(k)] = Decision.refused(noBibLeft(race));
                continue;
            }
            EntryConfirmation confirmation = EntryConfirmation.of(entry, race, position, Payment.Totals.NONE);
            tell(Change.ENTERED, entry, confirmation);
            decisions[admitted.get(k)] = Decision.entered(entry, confirmation);
        }
        return List.of(decisions);
    }

    /**
     * Gives the entry to another runner, who must be eligible for the race in their own right. The bib and the
     * chip stay with the entry: the chip is handed out with the bib, so the timing's chip and the printed bib
     * keep matching, and results simply show the new name. The old private link dies with the old runner's data.
     */
    @Transactional
    public Entry transfer(String token, RegistrationRequest newRunner) {
        Entry entry = Entry.activeByToken(token);
        Race race = Race.lockForEntry(entry.raceCode);
        readAgainUnderLock(entry, race);
        return transfer(entry, race, newRunner);
    }

    /**
     * The transfer itself, the entry read again under its race's lock; once its fee is paid, where there is one. A
     * refusal changes nothing, and leaves the caller's transaction to go on: a fee paid for a transfer refused is
     * refunded in it.
     */
    @Transactional(value = Transactional.TxType.MANDATORY, dontRollbackOn = ProblemException.class)
    public Entry transfer(Entry entry, Race race, RegistrationRequest newRunner) {
        if (!race.code.equals(newRunner.raceCode())) {
            throw new EntryRefused(422, "transfer-keeps-race", "Un transfert garde la course " + race.code
                    + " : changez d'abord de course / A transfer keeps the race " + race.code
                    + ": change the race first, then transfer");
        }
        refuseUnlessTakingEntries(race);
        refuseIfEntered(race, newRunner.firstName(), newRunner.lastName(), newRunner.birthDate());
        Set<ProofNumbers.Key> numbers = ProofNumbers.of(health(newRunner));
        refuseIfHeld(numbers, ProofNumbers.lockAndFindHeld(numbers, entry.id));
        describe(entry, newRunner, race);
        if (entry.status == EntryStatus.CONFIRMED) {
            outbox.queue(Topics.ENTRIES, entry.id.toString(), entry.publicEvent(EntryEvent.Type.UPSERTED));
        }
        tell(Change.TRANSFERRED, entry);
        return entry;
    }

    /** The runner moves their entry, through the private link, to another race that still takes entries. */
    @Transactional
    public Entry changeRace(String token, String raceCode) {
        Entry entry = Entry.activeByToken(token);
        moveToRace(entry, raceCode, true);
        return entry;
    }

    /**
     * An organiser moves an entry to another race, whether or not that race still takes entries; the race must
     * have a place all the same (an organiser frees one or raises the capacity first).
     */
    @Transactional
    public Entry move(UUID entryId, String raceCode) {
        Entry entry = Entry.byId(entryId, LockModeType.NONE);
        moveToRace(entry, raceCode, false);
        return entry;
    }

    /**
     * The runner lets spectators follow them by e-mail at each passage, or refuses it: results-web reads the choice
     * on the entry's public event, and refuses the followers of a runner who refused.
     */
    @Transactional
    public Entry choosePassingAlerts(String token, boolean refused) {
        Entry entry = Entry.activeByToken(token);
        if (entry.passingAlertsRefused != refused) {
            entry.passingAlertsRefused = refused;
            // only a place on the start line is public
            if (entry.status == EntryStatus.CONFIRMED) {
                outbox.queue(Topics.ENTRIES, entry.id.toString(), entry.publicEvent(EntryEvent.Type.UPSERTED));
            }
        }
        return entry;
    }

    /** The runner gives up their entry; a place freed goes at once to the first runner on the waitlist. */
    @Transactional
    public Entry cancel(String token) {
        Entry entry = Entry.activeByToken(token);
        Race race = Race.lockForEntry(entry.raceCode);
        readAgainUnderLock(entry, race);
        boolean hadPlace = entry.status == EntryStatus.CONFIRMED || entry.status == EntryStatus.HELD;
        if (entry.status == EntryStatus.CONFIRMED) {
            outbox.queue(Topics.ENTRIES, entry.id.toString(), entry.publicEvent(EntryEvent.Type.CANCELLED));
        }
        entry.status = EntryStatus.CANCELLED;
        entry.bib = null;
        entry.chip = null;
        entry.waitlistedAt = null;
        payments.refundOnCancellation(entry, race);
        tell(Change.CANCELLED, entry);
        if (hadPlace) {
            promoteWaitlist(race);
        }
        return entry;
    }

    /**
     * Gives the race's free places, if any, to its waitlist in order. A runner who owes a fee is offered the place:
     * it is held for them while they pay through the link they are sent, and goes on to the next if they do not.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void promoteWaitlist(Race race) {
        long taken = Entry.placesTaken(race.code);
        for (; taken < race.capacity; taken++) {
            Entry next = Entry.firstWaitlisted(race.code);
            if (next == null) {
                return;
            }
            if (paymentSettings.waitsForPayment(next.amountDueCents)) {
                hold(next, Instant.now().plus(paymentSettings.offer()));
                // the mail must carry a link to pay through, and only a link's hash is kept: the offer makes a new one
                next.newToken();
                tell(Change.OFFERED, next);
                continue;
            }
            // every bib given or freed so far must be in the database before the next bib is looked up
            em.flush();
            givePlace(next, firstFreeBib(race), newChipId());
            tell(Change.PROMOTED, next);
        }
    }

    /**
     * Confirms a held entry once its payment is in, under its race's lock: the place was kept for it, so it gets a
     * bib even if the hold's time ran out meanwhile, as long as the hold was not ended.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void confirmPaid(Entry entry, Race race) {
        givePlace(entry, firstFreeBib(race), entry.chip != null ? entry.chip : newChipId());
        tell(Change.PAID, entry);
    }

    /**
     * Ends a hold whose time ran out unpaid, under its race's lock, and gives the place on: to the waitlist, or back
     * to the race.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void endHold(Entry entry, Race race) {
        entry.status = EntryStatus.CANCELLED;
        entry.holdExpiredAt = Instant.now();
        tell(Change.HOLD_EXPIRED, entry);
        promoteWaitlist(race);
    }

    private static void hold(Entry entry, Instant until) {
        entry.status = EntryStatus.HELD;
        entry.holdUntil = until;
        entry.waitlistedAt = null;
        entry.persist();
    }

    /** The category of a runner born that day on the race's day, in the event's categories; none for too young. */
    public Optional<String> category(LocalDate birthDate, Race race) {
        return rules.category(birthDate, race.raceDay());
    }

    /** The runner's category on the race's day, in the event's categories, once found eligible for that race. */
    public String eligibleCategory(EntryRules.Runner runner, Race race) {
        String category = category(runner.birthDate(), race).orElseThrow(() -> new EntryRefused(
                422, "birth-date", "Une naissance le " + runner.birthDate() + " ne donne aucune catégorie pour"
                + " cette course / A birth date of " + runner.birthDate() + " gives no category for this race",
                "birthDate"));
        rules.check(runner, race.terms()).ifPresent(refusal -> {
            throw new EntryRefused(422, refusal.rule(), refusal.reason(), refusal.field());
        });
        return category;
    }

    /**
     * A new bib from the new race's range, the runner's eligibility checked against that race, and the place left
     * behind given to the old race's waitlist. The chip stays with the entry, as on a transfer: timing knows the
     * runner by it.
     */
    private void moveToRace(Entry entry, String raceCode, boolean onlyWhileEntriesOpen) {
        if (entry.raceCode.equals(raceCode)) {
            throw new EntryRefused(409, "same-race", "L'inscription est déjà au " + raceCode
                    + " / The entry is already in " + raceCode);
        }
        // both races locked in the order of their codes, so that two opposite moves cannot wait on each other
        boolean toFirst = raceCode.compareTo(entry.raceCode) < 0;
        Race first = Race.lockForEntry(toFirst ? raceCode : entry.raceCode);
        Race second = Race.lockForEntry(toFirst ? entry.raceCode : raceCode);
        Race from = toFirst ? second : first;
        Race to = toFirst ? first : second;
        if (to == null) {
            throw unknownRace(raceCode);
        }
        readAgainUnderLock(entry, from);
        if (entry.status == EntryStatus.HELD) {
            // the bill was made for the race it was held in: a move would hand out the other race's place unpaid
            throw new EntryRefused(409, "entry-held-unpaid", "Payez d'abord l'inscription au " + from.code
                    + ", puis changez de course / Pay for the entry in " + from.code + " first, then change race");
        }
        if (onlyWhileEntriesOpen) {
            refuseUnlessTakingEntries(to);
        }
        refuseSexWithoutDivision(entry.sex, to);
        refuseIfEntered(to, entry.firstName, entry.lastName, entry.birthDate);
        String category = eligibleCategory(entry.runner(), to);
        if (Entry.placesTaken(to.code) >= to.capacity) {
            throw new EntryRefused(409, "race-full", to.code + " est complet (" + to.capacity
                    + " places) / " + to.code + " is full (" + to.capacity + " places): no place left");
        }
        boolean hadPlace = entry.status == EntryStatus.CONFIRMED || entry.status == EntryStatus.HELD;
        entry.raceCode = to.code;
        entry.category = category;
        entry.bib = null;
        // the old bib must be free in the database before the old race's next runner takes it
        entry.flush();
        givePlace(entry, firstFreeBib(to), entry.chip != null ? entry.chip : newChipId());
        tell(Change.RACE_CHANGED, entry);
        if (hadPlace) {
            promoteWaitlist(from);
        }
    }

    /**
     * The entry as it is once its race is locked: read before the lock, it may have been cancelled, moved or
     * corrected by an organiser meanwhile, and writing the stale copy back would undo that.
     */
    private void readAgainUnderLock(Entry entry, Race race) {
        em.refresh(entry, LockModeType.PESSIMISTIC_WRITE);
        if (entry.status == EntryStatus.CANCELLED || !entry.raceCode.equals(race.code)) {
            throw new EntryRefused(409, "entry-changed", "L'inscription a été annulée ou déplacée entre-temps"
                    + " / The entry was cancelled or moved meanwhile");
        }
    }

    private static Race lockedRace(String code) {
        Race race = Race.lockForEntry(code);
        if (race == null) {
            throw unknownRace(code);
        }
        return race;
    }

    private static EntryRefused unknownRace(String code) {
        return new EntryRefused(404, "unknown-race", "Aucune course " + code + " / There is no race " + code);
    }

    /** Its entries window, and its start: a window the organiser left open past the start closes with it. */
    private static void refuseUnlessTakingEntries(Race race) {
        Instant now = Instant.now();
        Eligibility.window(now, race.entriesOpen, race.entriesClose).ifPresent(refusal -> {
            throw new EntryRefused(422, refusal.rule(), refusal.reason());
        });
        if (!now.isBefore(race.startTime.toInstant())) {
            throw new EntryRefused(422, "race-started", "Le " + race.code + " est parti le " + race.startTime
                    + " : il ne prend plus d'inscription / " + race.code + " started on " + race.startTime
                    + ": it takes no more entries");
        }
    }

    /** A runner of the non-binary division (X) enters only a race that ranks one. */
    public static void refuseSexWithoutDivision(EntryEvent.Sex sex, Race race) {
        if (sex == EntryEvent.Sex.X && !race.nonBinaryDivision) {
            throw new EntryRefused(422, "no-non-binary-division", "Le " + race.code + " n'a pas de classement"
                    + " non binaire (X) : choisissez F ou H / " + race.code + " has no non-binary division (X):"
                    + " choose F or M");
        }
    }

    private static void refuseIfEntered(Race race, String firstName, String lastName, LocalDate birthDate) {
        if (Entry.entered(race.code, List.of(birthDate)).contains(new Person(firstName, lastName, birthDate))) {
            throw alreadyEntered(firstName, lastName, race);
        }
    }

    /** A licence or PPS number that another active entry of the event holds is not this runner's to give. */
    private static void refuseIfHeld(Set<ProofNumbers.Key> numbers, Set<ProofNumbers.Key> held) {
        numbers.stream().filter(held::contains).findFirst().ifPresent(key -> {
            throw ProofNumbers.held(key);
        });
    }

    /**
     * Refuses a licence or PPS number that another active entry of the event holds, as an organiser's correction
     * may give one: checked under the same locks as a registration.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void refuseHeldProofNumbers(Entry entry) {
        if (entry.status != EntryStatus.CANCELLED) {
            Set<ProofNumbers.Key> numbers = ProofNumbers.of(entry.health());
            refuseIfHeld(numbers, ProofNumbers.lockAndFindHeld(numbers, entry.id));
        }
    }

    static EntryRefused alreadyEntered(String firstName, String lastName, Race race) {
        return new EntryRefused(409, "already-entered", firstName + " " + lastName + " est déjà inscrit(e) au "
                + race.code + " / " + firstName + " " + lastName + " is already entered in " + race.code);
    }

    static Eligibility.Health health(RegistrationRequest request) {
        return new Eligibility.Health(request.licenceNumber(), request.ppsNumber(), request.ppsDate(),
                Boolean.TRUE.equals(request.medicalCertificate()));
    }

    private static EntryRules.Runner runner(RegistrationRequest request) {
        return new EntryRules.Runner(request.birthDate(), health(request),
                Boolean.TRUE.equals(request.waiverAccepted()));
    }

    /**
     * Writes the runner's own details on the entry once they may run the race, with a new private link: a
     * transferred entry keeps nothing of the runner before.
     */
    private void describe(Entry entry, RegistrationRequest request, Race race) {
        refuseSexWithoutDivision(request.sex(), race);
        fill(entry, request, eligibleCategory(runner(request), race));
    }

    /** The runner's details on the entry, with a new private link, once the runner was found fit for the race. */
    void fill(Entry entry, RegistrationRequest request, String category) {
        Eligibility.Health health = health(request);
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
        entry.category = category;
        // the acceptance is the runner's own: a new runner of a transferred entry accepts it anew
        entry.waiverAcceptedAt = rules.proof() == EntryRules.Proof.WAIVER
                && Boolean.TRUE.equals(request.waiverAccepted()) ? Instant.now() : null;
        entry.licenceNumber = health.licenceNumber();
        entry.ppsNumber = health.ppsNumber();
        entry.ppsDate = health.ppsDate();
        entry.medicalCertificate = health.medicalCertificate();
        entry.certificateReceivedAt = null;
        entry.newToken();
    }

    void givePlace(Entry entry, int bib, String chip) {
        entry.bib = bib;
        entry.chip = chip;
        entry.status = EntryStatus.CONFIRMED;
        entry.waitlistedAt = null;
        entry.persist();
        outbox.queue(Topics.ENTRIES, entry.id.toString(), entry.publicEvent(EntryEvent.Type.UPSERTED));
    }

    public void tell(Change change, Entry entry) {
        tell(change, entry, EntryConfirmation.of(entry));
    }

    /** Tells the transaction's observers: the runner's mail is queued with the change, the certificate store acts. */
    void tell(Change change, Entry entry, EntryConfirmation confirmation) {
        changes.fire(new EntryChanged(change, entry.email, entry.firstName, confirmation));
    }

    private int firstFreeBib(Race race) {
        List<Integer> bibs = freeBibs(race, 1);
        if (bibs.isEmpty()) {
            throw noBibLeft(race);
        }
        return bibs.get(0);
    }

    /** The lowest free bibs of the race's range, as many as asked for while there are. */
    List<Integer> freeBibs(Race race, int count) {
        if (count == 0) {
            return List.of();
        }
        List<?> bibs = em.createNativeQuery("""
                SELECT b FROM generate_series(?1, ?2) AS b
                WHERE NOT EXISTS (SELECT 1 FROM entry e WHERE e.racecode = ?3 AND e.bib = b)
                ORDER BY b LIMIT ?4""")
                .setParameter(1, race.bibFirst)
                .setParameter(2, race.bibLast)
                .setParameter(3, race.code)
                .setParameter(4, count)
                .getResultList();
        return bibs.stream().map(bib -> ((Number) bib).intValue()).toList();
    }

    private static EntryRefused noBibLeft(Race race) {
        return new EntryRefused(409, "no-bib-left", "Plus aucun dossard libre entre " + race.bibFirst + " et "
                + race.bibLast + " / No bib left in " + race.bibFirst + "-" + race.bibLast);
    }

    /** A UHF chip's EPC-like id: 96 random bits, so a chip id says nothing about the runner. */
    static String newChipId() {
        byte[] bytes = new byte[12];
        RANDOM.nextBytes(bytes);
        return HexFormat.of().withUpperCase().formatHex(bytes);
    }
}
