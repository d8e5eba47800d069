import fr.pyramidesnoires.events.ChipRead;
import fr.pyramidesnoires.events.EntryEvent;
import fr.pyramidesnoires.events.EventJson;
import fr.pyramidesnoires.events.KafkaAccess;
import fr.pyramidesnoires.events.KafkaSettings;
import fr.pyramidesnoires.events.Topics;
import java.nio.file.Path;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * Puts a race day's worth of reads on the broker as fast as it takes them: runners of the 22 km, each read ten
 * times at the start, at Estevelles and at the finish. Their entries go first, on their own, as they would days
 * before the race. Prints the number of runners, or of passages timing must end up with.
 * Usage: java -cp CLASSPATH ReadFlood.java BOOTSTRAP CLIENT_PROPERTIES READS entries|reads (the client properties
 * sign in as an account that may write entries and chip-reads: the stack's admin)
 */
public class ReadFlood {

    static final String[] MATS = {"M-9BIS-START", "M-ESTEVELLES", "M-9BIS-FINISH"};
    static final int READS_PER_CROSSING = 10;

    public static void main(String[] args) {
        KafkaAccess kafka = KafkaAccess.fromFile(args[0], Path.of(args[1]));
        long reads = Long.parseLong(args[2]);
        int runners = (int) (reads / (MATS.length * READS_PER_CROSSING));
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(KafkaSettings.producer(kafka, "read-flood"))) {
            if (args[3].equals("entries")) {
                entries(producer, runners);
            } else {
                reads(producer, runners);
            }
        }
    }

    static void entries(KafkaProducer<String, String> producer, int runners) {
        for (int i = 0; i < runners; i++) {
            String id = "bench-" + i;
            producer.send(new ProducerRecord<>(Topics.ENTRIES, id, EventJson.write(new EntryEvent(
                    EntryEvent.Type.UPSERTED, id, "22K", 100_000 + i, chip(i), "Bench", "Runner" + i, false,
                    EntryEvent.Sex.H, "SE", null, "FRA", Instant.now()))));
        }
        producer.flush();
        System.out.println("flood: runners " + runners);
    }

    static void reads(KafkaProducer<String, String> producer, int runners) {
        OffsetDateTime gun = OffsetDateTime.parse("2027-03-20T10:00:00+01:00");
        System.out.println("flood: start " + System.currentTimeMillis());
        long sent = 0;
        for (int mat = 0; mat < MATS.length; mat++) {
            for (int i = 0; i < runners; i++) {
                OffsetDateTime crossing = gun.plusSeconds(mat * 4500L + i % 3600).plusNanos((i % 997) * 1_000_000L);
                for (int r = 0; r < READS_PER_CROSSING; r++) {
                    ChipRead read = new ChipRead("R-" + MATS[mat], MATS[mat], chip(i),
                            crossing.plusNanos(r * 120_000_000L).withOffsetSameInstant(ZoneOffset.ofHours(1)),
                            1 + r % 4, -50 - r, sent, ChipRead.Source.MAT);
                    producer.send(new ProducerRecord<>(Topics.CHIP_READS, read.chipId(), EventJson.write(read)));
                    sent++;
                }
            }
        }
        producer.flush();
        System.out.println("flood: sent " + sent + " reads for " + runners + " runners at " + System.currentTimeMillis());
        System.out.println("flood: passages " + (long) runners * MATS.length);
    }

    static String chip(int i) {
        return String.format("BENCH%019d", i);
    }
}
