package fr.pyramidesnoires.matagent.forward;

import com.fasterxml.jackson.databind.node.ObjectNode;
import fr.pyramidesnoires.events.KafkaAccess;
import fr.pyramidesnoires.events.KafkaSettings;
import fr.pyramidesnoires.events.Topics;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;

/**
 * Reads straight onto chip-reads, for an agent on the race LAN: an idempotent, fully acknowledged producer, so a
 * batch is taken once every broker replica holds it; one sent again after a lost acknowledgement is the same read
 * to timing. A line that is no read goes too, keyed by its reader, for timing's quarantine.
 */
public final class KafkaCarrier implements Carrier {

    /** A broker out of reach fails the batch within this, and the forwarder backs off, rather than hanging. */
    private static final int GIVE_UP_MILLIS = 30_000;

    private final KafkaProducer<String, String> producer;
    private final String matId;

    /** @param matId names the agent's readers on the topic, as the gateway names them by its device account */
    public KafkaCarrier(KafkaAccess kafka, String matId) {
        this.matId = matId;
        Properties settings = KafkaSettings.producer(kafka, "mat-agent-" + matId);
        settings.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, GIVE_UP_MILLIS);
        settings.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, GIVE_UP_MILLIS / 2);
        settings.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, GIVE_UP_MILLIS);
        producer = new KafkaProducer<>(settings);
    }

    @Override
    public Taken carry(List<ObjectNode> reads) throws IOException, InterruptedException {
        List<Future<RecordMetadata>> sent = new ArrayList<>(reads.size());
        try {
            for (ObjectNode read : reads) {
                read.put("readerId", matId + "/" + read.path("readerId").asText());
                String key = read.hasNonNull("chipId") ? read.get("chipId").asText() : read.path("readerId").asText();
                sent.add(producer.send(new ProducerRecord<>(Topics.CHIP_READS, key, read.toString())));
            }
            producer.flush();
            for (Future<RecordMetadata> each : sent) {
                each.get();
            }
        } catch (ExecutionException | RuntimeException e) {
            throw new IOException("broker did not take the batch: " + (e.getCause() == null ? e : e.getCause()), e);
        }
        // the record's time is this laptop's, and timing judges the reads later: the broker says neither
        return new Taken(null, 0);
    }

    @Override
    public void close() {
        producer.close();
    }
}
