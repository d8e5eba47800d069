import fr.pyramidesnoires.events.CourseEvent;
import fr.pyramidesnoires.events.EntryEvent;
import fr.pyramidesnoires.events.EventJson;
import fr.pyramidesnoires.events.KafkaAccess;
import fr.pyramidesnoires.events.KafkaSettings;
import fr.pyramidesnoires.events.RaceEvent;
import fr.pyramidesnoires.events.RunnerTiming;
import fr.pyramidesnoires.events.Topics;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * A 110 km race of RUNNERS runners, mid-race, straight onto the topics results-web reads; then, with "passages N",
 * N passages half a second apart, printing when each was sent (ms since the epoch) for the SSE clients to compare.
 * Usage: java -cp CLASSPATH RaceFeed.java BOOTSTRAP CLIENT_PROPERTIES RUNNERS [passages N] (the client properties
 * sign in as an account that may write every topic results-web reads: the stack's admin)
 */
public class RaceFeed {

    static final Instant GUN = Instant.parse("2027-03-20T04:00:00Z");
    static final String[] POINTS = {"start", "ste-henriette", "pinchonvalles", "jumeaux-74", "haillicourt",
            "estevelles", "courcelles", "finish"};
    static final double[] KM = {0, 12, 28, 45, 62, 80, 95, 110};

    public static void main(String[] args) throws Exception {
        int runners = Integer.parseInt(args[2]);
        KafkaAccess access = KafkaAccess.fromFile(args[0], Path.of(args[1]));
        try (KafkaProducer<String, String> kafka = new KafkaProducer<>(KafkaSettings.producer(access, "race-feed"))) {
            if (args.length > 4) {
                passages(kafka, runners, Integer.parseInt(args[4]));
                return;
            }
            List<CourseEvent.Point> points = new ArrayList<>();
            for (int i = 0; i < POINTS.length; i++) {
                points.add(new CourseEvent.Point(i, POINTS[i], "Point " + POINTS[i], KM[i], (int) (KM[i] * 18), null));
            }
            send(kafka, Topics.RACES, "110K", new RaceEvent("110K", "Ultra 110 km (benchmark)", 110, 2000,
                    OffsetDateTime.parse("2027-03-20T05:00:00+01:00"), runners));
            send(kafka, Topics.COURSES, "110K", new CourseEvent("110K", points, GUN));
            Random random = new Random(1);
            for (int bib = 1; bib <= runners; bib++) {
                String id = "bench-" + bib;
                send(kafka, Topics.ENTRIES, id, new EntryEvent(EntryEvent.Type.UPSERTED, id, "110K", bib, "C" + bib,
                        "Prénom" + bib, "Nom" + bib, false, bib % 3 == 0 ? EntryEvent.Sex.F : EntryEvent.Sex.H,
                        "SE", "Club " + (bib % 40), "FRA", Instant.now()));
                send(kafka, Topics.RUNNER_TIMINGS, "110K/" + bib, timing(bib, 1 + random.nextInt(6), random));
            }
        }
    }

    static RunnerTiming timing(int bib, int reached, Random random) {
        double pace = 6 + random.nextDouble() * 5;
        List<RunnerTiming.Passage> passages = new ArrayList<>();
        for (int i = 0; i <= reached; i++) {
            passages.add(new RunnerTiming.Passage(i, POINTS[i], "Point " + POINTS[i], KM[i],
                    GUN.plus(Duration.ofSeconds((long) (KM[i] * pace * 60)))));
        }
        return new RunnerTiming("110K", bib, RunnerTiming.Status.ON_COURSE, GUN, passages, null, null);
    }

    static void passages(KafkaProducer<String, String> kafka, int runners, int count) throws Exception {
        Random random = new Random(2);
        for (int i = 0; i < count; i++) {
            int bib = 1 + random.nextInt(runners);
            kafka.send(new ProducerRecord<>(Topics.RUNNER_TIMINGS, "110K/" + bib,
                    EventJson.write(timing(bib, 7, random)))).get();
            System.out.println("sent " + System.currentTimeMillis());
            Thread.sleep(500);
        }
    }

    static void send(KafkaProducer<String, String> kafka, String topic, String key, Object event) {
        kafka.send(new ProducerRecord<>(topic, key, EventJson.write(event)));
    }
}
