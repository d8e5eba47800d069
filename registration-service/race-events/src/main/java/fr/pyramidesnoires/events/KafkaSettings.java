package fr.pyramidesnoires.events;

import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Client settings every part of the platform uses: values are {@link EventJson} text, keys plain strings; where the
 * broker is and who the client is there come from a {@link KafkaAccess}.
 */
public final class KafkaSettings {

    private KafkaSettings() {
    }

    /** Idempotent, fully acknowledged: an event the producer reports sent survives a broker restart. */
    public static Properties producer(KafkaAccess access, String clientId) {
        Properties props = new Properties();
        access.applyTo(props);
        props.put(ProducerConfig.CLIENT_ID_CONFIG, clientId);
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        props.put(ProducerConfig.LINGER_MS_CONFIG, "5");
        props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        return props;
    }

    /**
     * Offsets are committed by the caller once its work is stored, never automatically. Values stay raw text so
     * that a malformed message reaches the caller instead of failing inside the client.
     *
     * @param groupId null for a consumer that assigns partitions itself and keeps no offsets
     */
    public static Properties consumer(KafkaAccess access, String groupId, int maxPollRecords) {
        Properties props = new Properties();
        access.applyTo(props);
        if (groupId != null) {
            props.put(ConsumerConfig.GROUP_ID_CONFIG, groupId);
        }
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        props.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, String.valueOf(maxPollRecords));
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        return props;
    }
}
