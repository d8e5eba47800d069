package fr.pyramidesnoires.simulator;

import fr.pyramidesnoires.events.ChipRead;
import fr.pyramidesnoires.events.EventJson;
import fr.pyramidesnoires.events.KafkaAccess;
import fr.pyramidesnoires.events.KafkaSettings;
import fr.pyramidesnoires.events.Topics;
import java.util.List;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * The mats' reads written straight onto chip-reads, as readers on the race LAN with a Kafka client would: the mat
 * whose network fails replays its buffer late, out of order.
 */
final class KafkaOutlet implements Outlet {

    private final KafkaProducer<String, String> producer;

    KafkaOutlet(KafkaAccess kafka) {
        producer = new KafkaProducer<>(KafkaSettings.producer(kafka, "race-simulator"));
    }

    @Override
    public List<Mats.Emission> schedule(Simulation simulation) {
        return simulation.emissions;
    }

    @Override
    public void send(ChipRead read) {
        producer.send(new ProducerRecord<>(Topics.CHIP_READS, read.chipId(), EventJson.write(read)));
    }

    @Override
    public void flush() {
        producer.flush();
    }

    @Override
    public void close() {
        producer.close();
    }
}
