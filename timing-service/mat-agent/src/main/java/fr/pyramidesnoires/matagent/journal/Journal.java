package fr.pyramidesnoires.matagent.journal;

import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.zip.CRC32C;

/**
 * Every read the agent takes, on the laptop's disk before anything else: a read counts as taken only once the
 * journal holds it durably (fsync), so a network cut, a {@code kill -9} or a power cut loses none. Each read gets
 * the next sequence number, 1, 2, 3…, which travels with it to the platform and names it there across resends.
 * Beside the reads, the last sequence the platform acknowledged: a restart forwards from the one after it.
 * <p>
 * On disk, {@code reads.journal} holds records one after another: length of the payload (int), sequence (long),
 * payload (UTF-8), CRC-32C of sequence and payload (int). A power cut in the middle of an append leaves a torn
 * last record; opening the journal cuts it off, and nothing of it had been counted as taken.
 * {@code acknowledged} holds the acknowledged sequence as text, replaced whole by an atomic rename.
 */
public final class Journal implements Closeable {

    static final String READS = "reads.journal";
    static final String ACKNOWLEDGED = "acknowledged";
    /** A read is a few hundred bytes: anything longer is a torn length, not a read. */
    static final int MAX_PAYLOAD = 64 * 1024;
    /**
     * More than this after the first bad record is no torn append (a reader appends at most a thousand reads of a
     * few hundred bytes at once, never counted as taken until whole) but
     * a damaged disk: the journal is left as it is, for the timing crew to recover, rather than cut.
     */
    static final long LONGEST_TORN_TAIL = 1L << 20;
    private static final int HEADER = Integer.BYTES + Long.BYTES;
    private static final int TRAILER = Integer.BYTES;

    /** A read as the journal keeps it. */
    public record Entry(long sequence, String payload) {
    }

    private final Path directory;
    private final FileChannel reads;
    /** Where each record starts, by sequence - 1: a race day's reads fit in memory many times over. */
    private long[] positions = new long[1024];
    private long last;
    private long acknowledged;

    private Journal(Path directory, FileChannel reads) {
        this.directory = directory;
        this.reads = reads;
    }

    /**
     * Opens the journal in the directory, made if missing, cutting off a record torn by a crash.
     *
     * @throws IOException when another agent has it open, or it is damaged beyond a torn last append
     */
    public static Journal open(Path directory) throws IOException {
        Files.createDirectories(directory);
        boolean made = !Files.exists(directory.resolve(READS));
        FileChannel channel = FileChannel.open(directory.resolve(READS), StandardOpenOption.CREATE,
                StandardOpenOption.READ, StandardOpenOption.WRITE);
        Journal journal = new Journal(directory, channel);
        try {
            // two agents on one journal would number reads twice: a second one started by mistake stops here
            if (!locked(channel)) {
                throw new IOException("Another mat agent uses the journal in " + directory);
            }
            if (made) {
                DurableFile.forceDirectory(directory);
            }
            journal.recover();
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
        return journal;
    }

    private void recover() throws IOException {
        long size = reads.size();
        long at = 0;
        ByteBuffer header = ByteBuffer.allocate(HEADER);
        while (at + HEADER + TRAILER <= size) {
            header.clear();
            readFully(header, at);
            header.flip();
            int length = header.getInt();
            long sequence = header.getLong();
            if (length < 0 || length > MAX_PAYLOAD || at + HEADER + length + TRAILER > size || sequence != last + 1) {
                break;
            }
            ByteBuffer body = ByteBuffer.allocate(length + TRAILER);
            readFully(body, at + HEADER);
            body.flip();
            byte[] payload = new byte[length];
            body.get(payload);
            if (body.getInt() != checksum(sequence, payload)) {
                break;
            }
            remember(sequence, at);
            at += HEADER + length + TRAILER;
        }
        acknowledged = readAcknowledged();
        if (acknowledged > last) {
            throw new IOException("The journal in " + directory + " ends at read " + last + " but the platform"
                    + " acknowledged read " + acknowledged + ": this is another mat's or an older journal");
        }
        if (size - at > LONGEST_TORN_TAIL) {
            throw new IOException("The journal in " + directory + " is damaged after read " + last + " (byte " + at
                    + " of " + size + "): it is kept as it is; start the agent on another JOURNAL_DIR and give this"
                    + " one to the timing crew");
        }
        if (at < size) {
            // a torn append: the caller was never told it was taken
            reads.truncate(at);
            reads.force(true);
        }
        reads.position(at);
    }

    /**
     * Appends the reads and makes them durable before returning: only then are they taken.
     *
     * @return the sequence of each read, in order
     */
    public synchronized long[] append(List<String> payloads) throws IOException {
        long[] sequences = new long[payloads.size()];
        if (payloads.isEmpty()) {
            return sequences;
        }
        List<ByteBuffer> records = new ArrayList<>(payloads.size());
        long at = reads.position();
        long sequence = last;
        long[] starts = new long[payloads.size()];
        for (int i = 0; i < payloads.size(); i++) {
            byte[] payload = payloads.get(i).getBytes(StandardCharsets.UTF_8);
            if (payload.length > MAX_PAYLOAD) {
                throw new IllegalArgumentException("A read of " + payload.length + " bytes is no read");
            }
            sequence++;
            ByteBuffer record = ByteBuffer.allocate(HEADER + payload.length + TRAILER);
            record.putInt(payload.length).putLong(sequence).put(payload).putInt(checksum(sequence, payload)).flip();
            records.add(record);
            starts[i] = at;
            sequences[i] = sequence;
            at += record.capacity();
        }
        ByteBuffer[] all = records.toArray(ByteBuffer[]::new);
        long start = reads.position();
        try {
            while (Arrays.stream(all).anyMatch(ByteBuffer::hasRemaining)) {
                reads.write(all);
            }
            reads.force(false);
        } catch (IOException e) {
            // a disk that refused part of the batch: none of it is taken, and the next append must not follow a
            // torn record, which the next opening would cut off with everything after it
            reads.truncate(start);
            reads.position(start);
            throw e;
        }
        for (int i = 0; i < sequences.length; i++) {
            remember(sequences[i], starts[i]);
        }
        return sequences;
    }

    /** At most {@code max} reads after the given sequence, in order. */
    public synchronized List<Entry> after(long sequence, int max) throws IOException {
        List<Entry> entries = new ArrayList<>();
        for (long s = Math.max(sequence, 0) + 1; s <= last && entries.size() < max; s++) {
            long at = positions[(int) (s - 1)];
            ByteBuffer header = ByteBuffer.allocate(HEADER);
            readFully(header, at);
            header.flip();
            ByteBuffer payload = ByteBuffer.allocate(header.getInt());
            readFully(payload, at + HEADER);
            entries.add(new Entry(s, new String(payload.array(), StandardCharsets.UTF_8)));
        }
        return entries;
    }

    /** Records that the platform holds every read up to this sequence, durably: a restart starts after it. */
    public synchronized void acknowledge(long sequence) throws IOException {
        if (sequence <= acknowledged) {
            return;
        }
        if (sequence > last) {
            throw new IllegalArgumentException("Read " + sequence + " was never taken (last: " + last + ")");
        }
        DurableFile.replace(directory.resolve(ACKNOWLEDGED), Long.toString(sequence));
        acknowledged = sequence;
    }

    public synchronized long last() {
        return last;
    }

    public synchronized long acknowledged() {
        return acknowledged;
    }

    /** Reads taken and not yet acknowledged by the platform. */
    public synchronized long waiting() {
        return last - acknowledged;
    }

    @Override
    public synchronized void close() throws IOException {
        reads.close();
    }

    private static boolean locked(FileChannel channel) throws IOException {
        try {
            return channel.tryLock() != null;
        } catch (OverlappingFileLockException sameProcess) {
            return false;
        }
    }

    private long readAcknowledged() throws IOException {
        Path file = directory.resolve(ACKNOWLEDGED);
        if (!Files.exists(file)) {
            return 0;
        }
        String text = Files.readString(file, StandardCharsets.US_ASCII).strip();
        try {
            return Long.parseLong(text);
        } catch (NumberFormatException e) {
            throw new IOException("Unreadable acknowledgement in " + file + ": " + text, e);
        }
    }

    private void remember(long sequence, long at) {
        int index = (int) (sequence - 1);
        if (index >= positions.length) {
            positions = Arrays.copyOf(positions, positions.length * 2);
        }
        positions[index] = at;
        last = sequence;
    }

    private void readFully(ByteBuffer buffer, long at) throws IOException {
        long position = at;
        while (buffer.hasRemaining()) {
            int read = reads.read(buffer, position);
            if (read < 0) {
                throw new IOException("The journal ends before its record at " + at);
            }
            position += read;
        }
    }

    private static int checksum(long sequence, byte[] payload) {
        CRC32C crc = new CRC32C();
        crc.update(ByteBuffer.allocate(Long.BYTES).putLong(0, sequence));
        crc.update(payload);
        return (int) crc.getValue();
    }
}
