package fr.pyramidesnoires.timing.read;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * A chip-read message kept one by one, with what it says in columns: those quarantine may list ({@code Suspects}),
 * found and noted by officials there. Every message, these included, is also in the archive ({@link ReadStore}),
 * and every distinct read from before the archive is a row here. A message that could not be read has the reason in
 * {@code problem}; so has a message of another topic (an entry event) that timing could not use.
 */
@Entity
@Table(indexes = @Index(name = "raw_read_chip", columnList = "chipId"))
public class RawRead extends PanacheEntityBase {

    /** Filled by the database: these rows go in by the batch, through {@link ReadStore}. */
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    /** Identifies a read across replays: the same read sent twice is stored once. */
    @Column(nullable = false, unique = true)
    public String readKey;
    /** The message's bytes as they came: a message that is not even text is kept whole. */
    @Column(nullable = false, columnDefinition = "bytea")
    public byte[] payload;
    /** Where the message came from: chip-reads, or entries for an entry event timing could not use. */
    @Column(nullable = false)
    public String topic;
    public int kafkaPartition;
    public long kafkaOffset;
    @Column(nullable = false)
    public Instant receivedAt;
    /** Why the message could not be read; null for a well-formed read. */
    @Column(columnDefinition = "text")
    public String problem;
    @Column(length = ReadRules.MAX_ID_LENGTH)
    public String readerId;
    @Column(length = ReadRules.MAX_ID_LENGTH)
    public String matId;
    @Column(length = ReadRules.MAX_ID_LENGTH)
    public String chipId;
    public Instant readTime;
    public Integer antenna;
    public Integer rssi;
    public Long sequence;
    public String source;
    /** An official who looked at this read in quarantine, when and what they found. */
    public String reviewedBy;
    public Instant reviewedAt;
    @Column(columnDefinition = "text")
    public String reviewNote;
}
