package fr.pyramidesnoires.registration.mail;

import fr.pyramidesnoires.registration.entry.EntryChanged;
import io.quarkus.hibernate.orm.panache.PanacheEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.LockModeType;
import java.math.BigDecimal;
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
    public BigDecimal feeEur;
    @Column(nullable = false)
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
        mail.feeEur = changed.entry().feeEur();
        mail.token = changed.entry().token();
        mail.createdAt = now;
        mail.nextAttemptAt = now;
        return mail;
    }

    /**
     * The oldest mails due, locked for this transaction; those another replica is sending are skipped, not waited
     * for, so that each mail goes out once.
     */
    static List<RunnerMail> due(Instant now, int most) {
        return find("gaveUpAt is null and nextAttemptAt <= ?1 order by nextAttemptAt, id", now)
                .withLock(LockModeType.PESSIMISTIC_WRITE)
                .withHint("jakarta.persistence.lock.timeout", Timeouts.SKIP_LOCKED_MILLI)
                .page(0, most)
                .list();
    }

    /** Mails not yet taken by the mail server and still tried. */
    public static long waiting() {
        return count("gaveUpAt is null");
    }

    /** The latest mails given up. */
    public static List<RunnerMail> givenUp(int most) {
        return find("gaveUpAt is not null order by gaveUpAt desc, id desc").page(0, most).list();
    }
}
