package fr.pyramidesnoires.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A client signs in where its configuration says, and over TLS when a remote broker asks for it. */
class KafkaAccessTest {

    private static final KafkaAccess REMOTE_TLS = new KafkaAccess(Map.of(
            "bootstrap.servers", "kafka.example.org:9093",
            "security.protocol", "SASL_SSL",
            "sasl.mechanism", "SCRAM-SHA-256",
            "sasl.jaas.config", "org.apache.kafka.common.security.scram.ScramLoginModule required username=\"timing\" password=\"x\";",
            "ssl.truststore.location", "/etc/tpn/kafka-ca.p12",
            "ssl.truststore.password", "changeit"));

    @Test
    void anotherAccountKeepsTheBrokerItsTlsAndItsScramMechanism() {
        Properties client = KafkaSettings.producer(REMOTE_TLS.as("reader", "pass\"word"), "test");
        assertEquals("kafka.example.org:9093", client.get("bootstrap.servers"));
        assertEquals("SASL_SSL", client.get("security.protocol"));
        assertEquals("SCRAM-SHA-256", client.get("sasl.mechanism"));
        assertEquals("/etc/tpn/kafka-ca.p12", client.get("ssl.truststore.location"));
        assertEquals("org.apache.kafka.common.security.scram.ScramLoginModule required username=\"reader\""
                + " password=\"pass\\\"word\";", client.get("sasl.jaas.config"));
    }

    @Test
    void withoutCredentialsStillSpeaksTlsButSignsInAsNoOne() {
        Properties client = KafkaSettings.consumer(REMOTE_TLS.withoutCredentials(), null, 10);
        assertEquals("SSL", client.get("security.protocol"));
        assertFalse(client.keySet().stream().anyMatch(key -> key.toString().startsWith("sasl.")));
        assertEquals("/etc/tpn/kafka-ca.p12", client.get("ssl.truststore.location"));
    }

    @Test
    void aClientPropertiesFileSaysHowToSignIn(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("kafka-reader.properties");
        Files.writeString(file, """
                security.protocol=SASL_PLAINTEXT
                sasl.mechanism=SCRAM-SHA-512
                sasl.jaas.config=org.apache.kafka.common.security.scram.ScramLoginModule required username="reader" password="p";
                """);
        Properties client = KafkaSettings.producer(KafkaAccess.fromFile("127.0.0.1:59092", file), "simulator");
        assertEquals("127.0.0.1:59092", client.get("bootstrap.servers"));
        assertEquals("SASL_PLAINTEXT", client.get("security.protocol"));
        assertTrue(client.get("sasl.jaas.config").toString().contains("username=\"reader\""));
        // the platform's own client settings still hold
        assertEquals("all", client.get("acks"));
    }
}
