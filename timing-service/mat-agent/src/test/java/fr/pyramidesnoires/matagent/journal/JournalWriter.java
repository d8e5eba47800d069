package fr.pyramidesnoires.matagent.journal;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** A mat's reads appended as fast as the disk takes them, each batch's last sequence printed once taken. */
public final class JournalWriter {

    private JournalWriter() {
    }

    static String read(long sequence) {
        return "{\"chipId\":\"CHIP-" + sequence + "\",\"matId\":\"M-ESTEVELLES\"}";
    }

    public static void main(String[] args) throws Exception {
        try (Journal journal = Journal.open(Path.of(args[0]))) {
            while (true) {
                List<String> batch = new ArrayList<>();
                for (int i = 1; i <= 10; i++) {
                    batch.add(read(journal.last() + i));
                }
                long[] taken = journal.append(batch);
                System.out.println(taken[taken.length - 1]);
                System.out.flush();
            }
        }
    }
}
