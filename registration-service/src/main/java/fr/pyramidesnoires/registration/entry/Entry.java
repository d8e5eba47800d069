package fr.pyramidesnoires.registration.entry;

import fr.pyramidesnoires.events.EntryEvent;
import fr.pyramidesnoires.registration.eligibility.Eligibility;
import fr.pyramidesnoires.registration.eligibility.EntryRules;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.LockModeType;
import jakarta.persistence.Table;
import jakarta.persistence.Transient;
import jakarta.persistence.UniqueConstraint;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import org.hibernate.Session;
import org.hibernate.jdbc.ReturningWork;

@Entity
@Table(uniqueConstraints = {
        @UniqueConstraint(name = "entry_bib_per_race", columnNames = {"raceCode", "bib"}),
        @UniqueConstraint(name = "entry_chip", columnNames = "chip")},
        // the duplicate check and the counts that decide a place run under the race's lock: they must not scan
        indexes = {
                @Index(name = "entry_race_birth_date", columnList = "raceCode, birthDate"),
                @Index(name = "entry_race_status", columnList = "raceCode, status, waitlistedAt")})
public class Entry extends PanacheEntityBase {

    @Id
    public UUID id;
    @Column(nullable = false)
    public String raceCode;
    public Integer bib;
    public String chip;
    @Column(nullable = false)
    public String firstName;
    @Column(nullable = false)
    public String lastName;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public EntryEvent.Sex sex;
    @Column(nullable = false)
    public LocalDate birthDate;
    public String nationality;
    public String club;
    public String email;
    public String phone;
    public String emergencyContactName;
    public String emergencyContactPhone;
    /** The runner's consent to show the name in public results; without it results show the bib only. */
    public boolean publishName;
    /** The runner refused that spectators who ask be mailed at each of their passages. */
    @Column(nullable = false)
    public boolean passingAlertsRefused;
    @Column(nullable = false)
    public String category;
    @Column(nullable = false)
    public Instant createdAt;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public EntryStatus status;
    /** When the runner joined the waitlist: the waitlist is served in that order. */
    public Instant waitlistedAt;
    /** The organiser who verified the licence, PPS or certificate, and when; null until verified. */
    public String documentsCheckedBy;
    public Instant documentsCheckedAt;
    /** The SHA-256 of the runner's private link ({@link PrivateToken}): the link itself is never stored. */
    @Column(nullable = false, unique = true)
    String tokenHash;
    /**
     * The private link, known only while handling the request that made it or presented it: whoever holds it
     * manages the entry. Null for an entry read by an organiser's or another runner's change.
     */
    @Transient
    public String token;
    public String licenceNumber;
    public String ppsNumber;
    public LocalDate ppsDate;
    public boolean medicalCertificate;
    /** When the runner's certificate file was stored; the file itself is kept apart and never published. */
    public Instant certificateReceivedAt;
    /**
     * The platform another registration came from, when the organiser imported it: that platform took the runner's
     * health proof, which was not checked here.
     */
    @Column(length = 40)
    public String importedFrom;

    /** When the runner accepted the event's waiver; null where the event has none. */
    public Instant waiverAcceptedAt;

    /** Until when a held place waits for the payment; kept after, to say when the hold ended. */
    public Instant holdUntil;
    /** When an unpaid hold ended the entry; null for any other end. */
    public Instant holdExpiredAt;
    /** What the runner owes for the entry in cents, as decided with it: the price that applied then, not now. */
    public long amountDueCents;
    /** The lines of that bill, the extras chosen and the answers to the race's questions, as JSON. */
    @Column(columnDefinition = "text")
    public String bill;
    @Column(columnDefinition = "text")
    public String extras;
    @Column(columnDefinition = "text")
    public String answers;
    @Column(length = 32)
    public String discountCode;

    public Eligibility.Health health() {
        return new Eligibility.Health(licenceNumber, ppsNumber, ppsDate, medicalCertificate);
    }

    /** The runner as the entry rules judge them, for a move or a correction: the waiver was accepted on entry. */
    public EntryRules.Runner runner() {
        return new EntryRules.Runner(birthDate, health(), waiverAcceptedAt != null);
    }

    /** 1 for the next runner to get a place; null when not waitlisted. */
    public Long waitlistPosition() {
        return status != EntryStatus.WAITLISTED ? null
                : count("raceCode = ?1 and status = ?2 and (waitlistedAt < ?3 or (waitlistedAt = ?3 and id <= ?4))",
                        raceCode, EntryStatus.WAITLISTED, waitlistedAt, id);
    }

    /** The entry an organiser names by its id, or a 404 problem. */
    public static Entry byId(UUID id, LockModeType lock) {
        Entry entry = findById(id, lock);
        if (entry == null) {
            throw new EntryRefused(404, "unknown-entry", "Aucune inscription " + id + " / There is no entry " + id);
        }
        return entry;
    }

    /** The entry behind a private link, or a 404 problem: a dead or mistyped link says no more than that. */
    public static Entry byToken(String token) {
        Entry entry = PrivateToken.couldBeOne(token)
                ? find("tokenHash", PrivateToken.hash(token)).firstResult()
                : null;
        if (entry == null) {
            throw new EntryRefused(404, "unknown-entry", "Aucune inscription n'a ce lien / No entry has this link");
        }
        entry.token = token;
        return entry;
    }

    /** Gives the entry a new private link, which only this request knows from now on. */
    void newToken() {
        token = PrivateToken.next();
        tokenHash = PrivateToken.hash(token);
    }

    /** The entry behind a private link while it can still change: a cancelled entry is over. */
    public static Entry activeByToken(String token) {
        Entry entry = byToken(token);
        if (entry.status == EntryStatus.CANCELLED) {
            throw new EntryRefused(409, "already-cancelled",
                    "Cette inscription est déjà annulée / This entry was already cancelled");
        }
        return entry;
    }

    /** The places of the race that are gone: confirmed, or held while their runner pays. */
    public static long placesTaken(String raceCode) {
        return roll(raceCode).placesTaken();
    }

    /** How many runners hold a place in the race and how many wait, counted together. */
    static Roll roll(String raceCode) {
        return read(connection -> {
            try (PreparedStatement counts = connection.prepareStatement("""
                    SELECT count(*) FILTER (WHERE status IN ('CONFIRMED', 'HELD')),
                           count(*) FILTER (WHERE status = 'WAITLISTED')
                    FROM entry WHERE racecode = ?""")) {
                counts.setString(1, raceCode);
                try (ResultSet row = counts.executeQuery()) {
                    row.next();
                    return new Roll(row.getLong(1), row.getLong(2));
                }
            }
        });
    }

    record Roll(long placesTaken, long waitlisted) {
    }

    static Entry firstWaitlisted(String raceCode) {
        return find("raceCode = ?1 and status = ?2 order by waitlistedAt, id", raceCode, EntryStatus.WAITLISTED)
                .firstResult();
    }

    /** The public projection: everything here may be shown on a results page, nothing else leaves. */
    public EntryEvent publicEvent(EntryEvent.Type type) {
        return new EntryEvent(type, id.toString(), raceCode, bib, chip,
                publishName ? firstName : null, publishName ? lastName : null, !publishName,
                sex, category, club, nationality, Instant.now(), passingAlertsRefused);
    }

    /**
     * Who among runners born on these dates already holds a place or waits in the race: one query serves a whole
     * batch of requests.
     */
    static Set<Person> entered(String raceCode, Collection<LocalDate> birthDates) {
        return read(connection -> {
            try (PreparedStatement query = connection.prepareStatement("""
                    SELECT firstname, lastname, birthdate FROM entry
                    WHERE racecode = ? AND birthdate = ANY (?::date[]) AND status <> 'CANCELLED'""")) {
                query.setString(1, raceCode);
                query.setArray(2, connection.createArrayOf("text",
                        birthDates.stream().map(LocalDate::toString).toArray()));
                Set<Person> entered = new HashSet<>();
                try (ResultSet rows = query.executeQuery()) {
                    while (rows.next()) {
                        entered.add(new Person(rows.getString(1), rows.getString(2),
                                rows.getObject(3, LocalDate.class)));
                    }
                }
                return entered;
            }
        });
    }

    /**
     * The reads that decide every batch of entries, in plain SQL: Hibernate translated its count and list queries
     * anew on each batch, which cost more than running them. The session is flushed first, as Hibernate does before
     * its own queries, so that an entry changed earlier in the transaction is counted as it now is.
     */
    static <T> T read(ReturningWork<T> work) {
        Session session = getEntityManager().unwrap(Session.class);
        if (QuarkusTransaction.isActive()) {
            session.flush();
        }
        return session.doReturningWork(work);
    }
}
