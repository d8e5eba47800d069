package fr.pyramidesnoires.events;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.config.SaslConfigs;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Where the broker is and who a client is there, in Kafka's own client settings ({@code bootstrap.servers},
 * {@code security.protocol}, {@code sasl.mechanism}, {@code sasl.jaas.config}, {@code ssl.truststore.location}...).
 * Every client of the platform is built from one through {@link KafkaSettings}: the broker takes no client that
 * does not sign in, and grants each account only its own topics.
 */
public record KafkaAccess(Map<String, String> settings) {

    private static final String PREFIX = "kafka.";
    private static final String ENV_PREFIX = "KAFKA_";
    private static final String SCRAM = "SCRAM-SHA-512";

    public KafkaAccess {
        settings = Map.copyOf(settings);
    }

    /**
     * The configuration of the service (or test) the caller runs in: every {@code kafka.<setting>}, and every
     * {@code KAFKA_<SETTING>} of the environment that names a Kafka client setting ({@code KAFKA_SECURITY_PROTOCOL},
     * {@code KAFKA_SSL_TRUSTSTORE_LOCATION}...), the way Quarkus' own Kafka clients read it. Empty values are unset.
     */
    public static KafkaAccess fromConfig() {
        Config config = ConfigProvider.getConfig();
        Map<String, String> settings = new HashMap<>();
        for (String name : config.getPropertyNames()) {
            String setting = null;
            if (name.startsWith(PREFIX)) {
                setting = name.substring(PREFIX.length());
            } else if (name.startsWith(ENV_PREFIX)) {
                // the environment's names lose their dots; unrelated KAFKA_ variables are not client settings
                String candidate = name.substring(ENV_PREFIX.length()).toLowerCase(Locale.ROOT).replace('_', '.');
                setting = CLIENT_SETTINGS.contains(candidate) ? candidate : null;
            }
            if (setting != null) {
                String key = setting;
                config.getOptionalValue(name, String.class).ifPresent(value -> settings.put(key, value));
            }
        }
        return new KafkaAccess(settings);
    }

    /** The broker at these addresses with the settings of a Kafka client properties file (as Kafka's tools take). */
    public static KafkaAccess fromFile(String bootstrapServers, Path clientProperties) {
        Properties file = new Properties();
        try (Reader reader = Files.newBufferedReader(clientProperties)) {
            file.load(reader);
        } catch (IOException e) {
            throw new IllegalArgumentException("Cannot read the Kafka client settings " + clientProperties, e);
        }
        Map<String, String> settings = new HashMap<>();
        file.stringPropertyNames().forEach(name -> settings.put(name, file.getProperty(name)));
        settings.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        return new KafkaAccess(settings);
    }

    /** The broker at these addresses, signing in as no one: a broker of the platform refuses such a client. */
    public static KafkaAccess anonymous(String bootstrapServers) {
        return new KafkaAccess(Map.of(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers));
    }

    /** The same broker and transport (TLS or not), signing in with this SCRAM account. */
    public KafkaAccess as(String username, String password) {
        Map<String, String> changed = new HashMap<>(settings);
        changed.put(CommonClientConfigs.SECURITY_PROTOCOL_CONFIG, tls() ? "SASL_SSL" : "SASL_PLAINTEXT");
        String mechanism = settings.getOrDefault(SaslConfigs.SASL_MECHANISM, SCRAM);
        changed.put(SaslConfigs.SASL_MECHANISM, mechanism.startsWith("SCRAM-") ? mechanism : SCRAM);
        changed.put(SaslConfigs.SASL_JAAS_CONFIG, "org.apache.kafka.common.security.scram.ScramLoginModule required"
                + " username=\"" + jaasQuoted(username) + "\" password=\"" + jaasQuoted(password) + "\";");
        return new KafkaAccess(changed);
    }

    /** The same broker and transport, signing in as no one. */
    public KafkaAccess withoutCredentials() {
        Map<String, String> changed = new HashMap<>(settings);
        changed.keySet().removeIf(key -> key.startsWith("sasl."));
        changed.put(CommonClientConfigs.SECURITY_PROTOCOL_CONFIG, tls() ? "SSL" : "PLAINTEXT");
        return new KafkaAccess(changed);
    }

    void applyTo(Properties props) {
        props.putAll(settings);
    }

    private boolean tls() {
        return settings.getOrDefault(CommonClientConfigs.SECURITY_PROTOCOL_CONFIG, "PLAINTEXT").endsWith("SSL");
    }

    private static String jaasQuoted(String value) {
        return value.replace("\\", "\\\\").replace("\"", "\\\"");
    }

    private static final Set<String> CLIENT_SETTINGS = clientSettings();

    private static Set<String> clientSettings() {
        Set<String> names = new HashSet<>(ProducerConfig.configNames());
        names.addAll(ConsumerConfig.configNames());
        names.addAll(AdminClientConfig.configNames());
        return Set.copyOf(names);
    }
}
