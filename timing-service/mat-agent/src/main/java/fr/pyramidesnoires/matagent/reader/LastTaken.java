package fr.pyramidesnoires.matagent.reader;

import fr.pyramidesnoires.matagent.journal.DurableFile;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.logging.Logger;

/**
 * How far the agent has taken a reader's own numbering (a decoder's passing number, a controller's sequence per
 * location), kept in a small file so that a reconnect or a restart of the agent asks the reader for what follows
 * instead of everything or nothing. Written only once the journal holds the reads: a crash in between asks for a
 * few reads again, which the platform counts once.
 * <p>
 * On disk, one {@code name=number} line per counter, replaced whole by an atomic rename.
 */
public final class LastTaken {

    private static final Logger LOG = Logger.getLogger(LastTaken.class.getName());

    private final Path file;

    /** @param file e.g. {@code <state directory>/<reader id>.raceresult} */
    public LastTaken(Path file) {
        this.file = file;
    }

    /**
     * @return the counters as last saved; none for a reader never taken from, or when the file cannot be read, so
     * that the reader is asked again from its start rather than not at all
     */
    public Map<String, Long> load() throws IOException {
        Map<String, Long> counters = new TreeMap<>();
        try {
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                int equals = line.lastIndexOf('=');
                if (!line.isBlank()) {
                    counters.put(line.substring(0, equals), Long.parseLong(line.substring(equals + 1).strip()));
                }
            }
        } catch (NoSuchFileException first) {
            return counters;
        } catch (RuntimeException unreadable) {
            LOG.warning("Unreadable " + file + " (" + unreadable + "): the reader is asked again from its start");
            counters.clear();
        }
        return counters;
    }

    /** Replaces the saved counters, durably, before returning. */
    public void save(Map<String, Long> counters) throws IOException {
        StringBuilder text = new StringBuilder();
        new TreeMap<>(counters).forEach((name, number) -> text.append(name).append('=').append(number).append('\n'));
        Files.createDirectories(file.toAbsolutePath().getParent());
        DurableFile.replace(file, text.toString());
    }
}
