package fr.pyramidesnoires.timing.passage;

import fr.pyramidesnoires.events.RunnerTiming;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import java.time.Instant;

/** A runner's status and race times, as last worked out from the reads. */
@Entity
public class RunnerResult extends PanacheEntityBase {

    @Id
    public String entryId;
    @Column(nullable = false)
    public String raceCode;
    public int bib;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public RunnerTiming.Status status;
    public Long gunTimeMs;
    public Long chipTimeMs;
    @Column(nullable = false)
    public Instant updatedAt;
}
