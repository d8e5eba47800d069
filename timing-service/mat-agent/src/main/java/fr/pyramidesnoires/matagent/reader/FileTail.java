package fr.pyramidesnoires.matagent.reader;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * A reader whose vendor software appends its reads to a file, one per line. The lines are taken as they are
 * completed; how far the file was taken is kept beside the journal, written after the journal took them, so that a
 * restarted agent goes on where it stopped (at worst a few lines twice, which the platform counts once). A file that
 * got shorter was started again by its software: it is read again from its start.
 */
public final class FileTail implements MatReader {

    private static final Logger LOG = Logger.getLogger(FileTail.class.getName());
    private static final long POLL_MILLIS = 250;
    private static final int CHUNK = 1 << 20;
    private static final String POSITION = "bytes";

    private final Path file;
    private final LastTaken position;
    private final LineProtocol lines;
    private final ReaderTap tap;

    /** @param stateDirectory where how far the file was taken is kept: the journal's */
    public FileTail(Path file, Path stateDirectory, LineLayout layout, ReaderTap tap) {
        this.file = file;
        this.position = new LastTaken(stateDirectory.resolve(tap.readerId() + ".file"));
        this.lines = new LineProtocol(layout);
        this.tap = tap;
    }

    @Override
    public ReaderTap tap() {
        return tap;
    }

    @Override
    public void runUntil(BooleanSupplier stop) throws InterruptedException {
        long taken = readPosition();
        while (!stop.getAsBoolean()) {
            try {
                long now = takeFrom(taken);
                if (now != taken) {
                    writePosition(now);
                    taken = now;
                } else {
                    Thread.sleep(POLL_MILLIS);
                }
            } catch (NoSuchFileException e) {
                tap.lost("fichier absent / no file " + file);
                Thread.sleep(POLL_MILLIS * 4);
            } catch (IOException | RuntimeException e) {
                LOG.log(Level.WARNING, "Reader " + tap.readerId() + " file " + file + ": " + e);
                tap.lost(e.getMessage());
                Thread.sleep(POLL_MILLIS * 4);
            }
        }
    }

    /** @return where the lines taken end */
    private long takeFrom(long from) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            tap.connected();
            long size = channel.size();
            if (size < from) {
                tap.event("fichier recommencé / file started again: " + file);
                from = 0;
            }
            if (size == from) {
                return from;
            }
            ByteBuffer chunk = ByteBuffer.allocate((int) Math.min(CHUNK, size - from));
            channel.read(chunk, from);
            byte[] bytes = chunk.array();
            int end = lastNewline(bytes, chunk.position());
            if (end < 0) {
                if (chunk.position() < LineProtocol.LONGEST_LINE) {
                    // a line still being written: taken once it ends
                    return from;
                }
                // a reader gone wrong: its line is kept cut, as one that is no read, and the file goes on
                String start = new String(bytes, 0, LineProtocol.LONGEST_LINE, StandardCharsets.UTF_8);
                tap.take(List.of(new ReaderTap.Unreadable(start, LineProtocol.TOO_LONG)));
                return from + LineProtocol.LONGEST_LINE;
            }
            List<ReaderTap.Heard> heard = new ArrayList<>();
            for (String line : new String(bytes, 0, end + 1, StandardCharsets.UTF_8).split("\r?\n")) {
                boolean cut = line.length() > LineProtocol.LONGEST_LINE;
                lines.hear(new Lines.Line(cut ? line.substring(0, LineProtocol.LONGEST_LINE) : line, cut), tap, heard);
            }
            tap.take(heard);
            return from + end + 1;
        }
    }

    private static int lastNewline(byte[] bytes, int length) {
        for (int i = length - 1; i >= 0; i--) {
            if (bytes[i] == '\n') {
                return i;
            }
        }
        return -1;
    }

    private long readPosition() {
        try {
            return position.load().getOrDefault(POSITION, 0L);
        } catch (IOException e) {
            tap.event("position illisible, fichier repris du début / unreadable position, file read again: " + e);
            return 0;
        }
    }

    private void writePosition(long taken) throws IOException {
        position.save(Map.of(POSITION, taken));
    }
}
