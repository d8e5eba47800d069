package fr.pyramidesnoires.results.alerts;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import java.time.Instant;

/**
 * A mail owed to a follower, kept once sent: its passage key stops any replica from queueing the same passage
 * again, and the hash of its link lets the follower confirm (a confirmation) or stop (any mail) with it.
 */
@Entity
public class FollowerMail extends PanacheEntityBase {

    public enum Kind {
        CONFIRMATION, PASSAGE
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    @Column(nullable = false)
    public long followerId;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Kind kind;
    @Column(nullable = false)
    public String raceCode;
    @Column(nullable = false)
    public int bib;
    /** The passage told of, null for a confirmation. */
    public Integer pointOrder;
    public String pointName;
    public Instant passedAt;
    /** The runner's rank at the point when the passage came. */
    public Integer rank;
    /** The name the results show, null for a runner who keeps it private. */
    public String runnerName;
    /** The mail's link, kept only until the mail server takes the mail: the database holds its hash. */
    public String token;
    @Column(nullable = false)
    public String tokenHash;
    @Column(nullable = false)
    public Instant createdAt;
    @Column(nullable = false)
    public int attempts;
    @Column(nullable = false)
    public Instant nextAttemptAt;
    @Column(columnDefinition = "text")
    public String lastError;
    public Instant sentAt;
    public Instant gaveUpAt;
}
