package fr.pyramidesnoires.results.alerts;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import java.time.Instant;

/**
 * A spectator who asked to be mailed at each passage of one runner: pending until they confirm through the link
 * mailed to them. Their address is for sending only: no page or API shows who follows a runner.
 */
@Entity
public class Follower extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    @Column(nullable = false)
    public String raceCode;
    @Column(nullable = false)
    public int bib;
    /** The entry the bib was when they asked: a bib given to someone else later has no followers. */
    @Column(nullable = false)
    public String entryId;
    @Column(nullable = false)
    public String email;
    @Column(nullable = false)
    public Instant createdAt;
    public Instant confirmedAt;
}
