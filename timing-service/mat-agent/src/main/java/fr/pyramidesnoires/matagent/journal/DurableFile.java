package fr.pyramidesnoires.matagent.journal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/**
 * A small file the agent replaces whole and durably (what the platform acknowledged, how far a reader was taken):
 * written beside, fsynced, renamed over the old one, and the directory fsynced, so that a power cut leaves either
 * the old file or the new one, never half of either.
 */
public final class DurableFile {

    private DurableFile() {
    }

    /** Replaces the file with this text, durably, before returning. */
    public static void replace(Path file, String text) throws IOException {
        Path written = file.resolveSibling(file.getFileName() + ".new");
        try (FileChannel out = FileChannel.open(written, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING)) {
            ByteBuffer bytes = ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8));
            while (bytes.hasRemaining()) {
                out.write(bytes);
            }
            out.force(true);
        }
        Files.move(written, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        // the rename itself is durable only once the directory is
        forceDirectory(file.toAbsolutePath().getParent());
    }

    static void forceDirectory(Path directory) throws IOException {
        try (FileChannel folder = FileChannel.open(directory, StandardOpenOption.READ)) {
            folder.force(true);
        }
    }
}
