package fr.pyramidesnoires.deploy.kubernetes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import fr.pyramidesnoires.deploy.kubernetes.Manifests.Manifest;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Every Kubernetes core object of deploy/kubernetes, generated or written by hand, read into fabric8's model classes
 * of its apiVersion, no field left unknown.
 */
class KubernetesModelTest {

    static final Map<String, Class<? extends HasMetadata>> CORE = Map.of(
            "ConfigMap", ConfigMap.class,
            "ServiceAccount", ServiceAccount.class,
            "Service", Service.class,
            "Deployment", Deployment.class,
            "PodDisruptionBudget", PodDisruptionBudget.class,
            "HorizontalPodAutoscaler", HorizontalPodAutoscaler.class,
            "Ingress", Ingress.class);

    /** Checked by StrimziModelTest and CloudNativePgTest. */
    static final Set<String> OPERATED = Set.of("Kafka", "KafkaNodePool", "KafkaTopic", "KafkaUser",
            "Cluster", "Database", "ScheduledBackup");

    @Test
    void everyObjectIsOfAKindTheseTestsCheck() {
        for (Manifest manifest : Manifests.all()) {
            assertTrue(CORE.containsKey(manifest.kind()) || OPERATED.contains(manifest.kind()),
                    manifest + " is of a kind no test checks");
            assertFalse(manifest.name().isBlank(), manifest + " has no name");
        }
    }

    @TestFactory
    Stream<DynamicTest> coreObjectsAreValidFabric8Models() {
        return Strict.eachReadsInto(CORE);
    }

    @Test
    void aMisspeltFieldIsCaught() {
        ObjectNode deployment = Manifests.named("Deployment", "results-web").tree().deepCopy();
        ObjectNode container = (ObjectNode) deployment.path("spec").path("template").path("spec")
                .path("containers").get(0);
        container.set("readinesProbe", container.remove("readinessProbe"));
        Manifest misspelt = new Manifest("test", deployment);

        assertEquals(List.of(".spec.template.spec.containers[0].readinesProbe"),
                Strict.unknownFields(misspelt.as(Deployment.class)));
    }

    /** A manifest left out of kustomization.yaml would never be deployed, nor checked by these tests. */
    @Test
    void kustomizationListsEveryManifestOfTheFolder() throws IOException {
        Set<String> onDisk = new TreeSet<>();
        try (Stream<Path> files = Files.walk(Manifests.folder())) {
            files.filter(file -> file.toString().matches(".*\\.ya?ml$"))
                    .map(file -> Manifests.folder().relativize(file).toString())
                    .filter(file -> !file.startsWith("src/") && !file.startsWith("target/")
                            && !file.equals("kustomization.yaml"))
                    .forEach(onDisk::add);
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        assertEquals(onDisk, new TreeSet<>(Manifests.resourceFiles()));
        assertEquals("tpn", Manifests.kustomization().path("namespace").asText());
    }
}
