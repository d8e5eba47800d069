package fr.pyramidesnoires.deploy.kubernetes;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.node.ObjectNode;
import fr.pyramidesnoires.deploy.kubernetes.Manifests.Manifest;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.strimzi.api.kafka.model.kafka.Kafka;
import io.strimzi.api.kafka.model.nodepool.KafkaNodePool;
import io.strimzi.api.kafka.model.topic.KafkaTopic;
import io.strimzi.api.kafka.model.user.KafkaUser;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/** The Strimzi resources read into Strimzi's own API model classes (io.strimzi:api), no field left unknown. */
class StrimziModelTest {

    static final Map<String, Class<? extends HasMetadata>> STRIMZI = Map.of(
            "Kafka", Kafka.class,
            "KafkaNodePool", KafkaNodePool.class,
            "KafkaTopic", KafkaTopic.class,
            "KafkaUser", KafkaUser.class);

    @TestFactory
    Stream<DynamicTest> strimziObjectsAreValidModels() {
        return Strict.eachReadsInto(STRIMZI);
    }

    @Test
    void everyStrimziObjectBelongsToTheKafkaCluster() {
        String cluster = Manifests.ofKind("Kafka").get(0).name();
        Manifests.all().stream().filter(manifest -> manifest.kind().startsWith("Kafka") && !manifest.kind().equals("Kafka"))
                .forEach(manifest -> assertEquals(cluster,
                        manifest.tree().path("metadata").path("labels").path("strimzi.io/cluster").asText(),
                        manifest + " names another Kafka cluster"));
    }

    @Test
    void aMisspeltFieldOrAnUnknownOperationIsCaught() {
        ObjectNode topic = Manifests.named("KafkaTopic", "chip-reads").tree().deepCopy();
        ((ObjectNode) topic.path("spec")).set("replica", ((ObjectNode) topic.path("spec")).remove("replicas"));
        assertEquals(List.of(".spec.replica"), Strict.unknownFields(new Manifest("test", topic).as(KafkaTopic.class)));

        ObjectNode user = Manifests.named("KafkaUser", "reader").tree().deepCopy();
        ((ObjectNode) user.path("spec").path("authorization").path("acls").get(0))
                .putArray("operations").add("Wirte");
        assertEquals(List.of(".spec.authorization.acls[0].operations[0]"),
                Strict.unknownFields(new Manifest("test", user).as(KafkaUser.class)));
    }
}
