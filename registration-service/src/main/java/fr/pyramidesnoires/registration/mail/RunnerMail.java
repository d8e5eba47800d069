package fr.pyramidesnoires.registration.mail;

import fr.pyramidesnoires.registration.entry.EntryChanged;
import io.quarkus.hibernate.orm.panache.PanacheEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.LockModeType;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.hibernate.Timeouts;

/**
 * A mail owed to a runner, stored with the change it tells of and kept until the mail server has taken it. It holds
 * what the mail says as it was at the change, so that sending it later needs nothing else.
 */
@Entity
public class RunnerMail extends PanacheEntity {

    /** A round of sending ends at half of it, so that another replica never claims a mail still being sent. */
    static final Duration CLAIMED_FOR = Duration.ofMinutes(10);

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public EntryChanged.Change change;
    @Column(nullable = false)
    public String recipient;
    @Column(nullable = false)
    public String firstName;
    @Column(nullable = false)
    public UUID entryId;
    public String raceName;
    public Integer bib;
    public String category;
    public Long waitlistPosition;
    public BigDecimal fee;
    public Instant holdUntil;
    public BigDecimal paid;
    public BigDecimal refunded;
    /**
     * The private link to send, kept only until the mail server takes the mail; null for a change the runner did not
     * make through their link (a promotion, an organiser's move): the database holds only its hash then.
     */
    public String token;
    @Column(nullable = false)
    public Instant createdAt;
    /** Attempts the mail server refused or failed. */
    @Column(nullable = false)
    public int attempts;
    @Column(nullable = false)
    public Instant nextAttemptAt;
    @Column(columnDefinition = "text")
    public String lastError;
    /** Set once the mail is no longer tried: kept for the organisers to see. */
    public Instant gaveUpAt;

    static RunnerMail of(EntryChanged changed, Instant now) {
        RunnerMail mail = new RunnerMail();
        mail.change = changed.change();
        mail.recipient = changed.email();
        mail.firstName = changed.firstName();
        mail.entryId = changed.entry().id();
        mail.raceName = changed.entry().raceName();
        mail.bib = changed.entry().bib();
        mail.category = changed.entry().category();
        mail.waitlistPosition = changed.entry().waitlistPosition();
        mail.fee = changed.entry().fee();
        mail.holdUntil = changed.entry().holdUntil();
        mail.paid = changed.entry().paid();
        mail.refunded = changed.entry().refunded();
        mail.token = changed.entry().token();
        mail.createdAt = now;
        mail.nextAttemptAt = now;
        return mail;
    }

    /**
     * Claims the oldest mails due for one round of sending, past the round's end: another replica skips them
     * meanwhile, and a relay that dies mid-round leaves them to be tried again once the claim runs out. A mail
     * waits while an earlier one of the same entry to the same address is unsent, so that a runner never reads
     * "cancelled" before "entered"; one given up, or to an address since corrected, does not hold the next back.
     */
    static List<RunnerMail> claim(Instant now, int most) {
        List<RunnerMail> due = find("""
                        from RunnerMail m where m.gaveUpAt is null and m.nextAttemptAt <= ?1
                        and not exists (select o.id from RunnerMail o where o.entryId = m.entryId
                            and o.recipient = m.recipient and o.gaveUpAt is null
                            and (o.createdAt < m.createdAt or (o.createdAt = m.createdAt and o.id < m.id)))
                        order by m.nextAttemptAt, m.id""", now)
                .withLock(LockModeType.PESSIMISTIC_WRITE)
                // rows another replica is claiming are skipped, not waited for: each mail goes out once
                .withHint("jakarta.persistence.lock.timeout", Timeouts.SKIP_LOCKED_MILLI)
                .page(0, most)
                .list();
        due.forEach(mail -> mail.nextAttemptAt = now.plus(CLAIMED_FOR));
        return due;
    }

    /** Hands claimed mails back, due at once: the next round tries them rather than waiting for the claim to end. */
    static void release(List<Long> ids, Instant now) {
        if (!ids.isEmpty()) {
            update("nextAttemptAt = ?1 where id in ?2", now, ids);
        }
    }

    /**
     * A transferred entry's mails go with the runner before's details, even to an address the two runners share:
     * each holds that runner's name and a private link that no longer works.
     */
    static void forgetTheRunnerBefore(UUID entryId) {
        delete("entryId", entryId);
    }

    /** Mails not yet taken by the mail server and still tried. */
    public static long waiting() {
        return count("gaveUpAt is null");
    }

    /** @return whether there was such a mail given up */
    public static boolean forgetGivenUp(long id) {
        return delete("id = ?1 and gaveUpAt is not null", id) > 0;
    }

    /** The latest mails given up. */
    public static List<RunnerMail> givenUp(int most) {
        return find("gaveUpAt is not null order by gaveUpAt desc, id desc").page(0, most).list();
    }
}
