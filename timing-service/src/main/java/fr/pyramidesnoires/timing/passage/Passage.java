package fr.pyramidesnoires.timing.passage;

import io.quarkus.hibernate.orm.panache.PanacheEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Index;
import jakarta.persistence.Table;
import java.time.Instant;

/** A runner's passage at a timing point, as last worked out from the reads. */
@Entity
@Table(indexes = @Index(name = "passage_entry", columnList = "entryId"))
public class Passage extends PanacheEntity {

    @Column(nullable = false)
    public String entryId;
    @Column(nullable = false)
    public String raceCode;
    public int bib;
    public int pointOrder;
    @Column(nullable = false)
    public String pointId;
    /** The arrival. */
    @Column(nullable = false)
    public Instant time;
    /** Null where the point times the arrival only, and until the runner leaves. */
    public Instant departure;
}
