package fr.pyramidesnoires.deploy.kubernetes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * deploy/kubernetes/generated holds what Quarkus' Kubernetes extension wrote when each service was packaged (the
 * reactor packages them before this module, listed after them in the root pom): a setting changed in an application.properties without the copy
 * following fails here.
 */
class GeneratedManifestsTest {

    @ParameterizedTest
    @ValueSource(strings = {"registration-service", "timing-service", "results-web"})
    void theCommittedCopyIsWhatTheBuildGenerates(String service) {
        Path built = Manifests.root().resolve(service).resolve("target/kubernetes/kubernetes.yml");
        Path copy = Manifests.folder().resolve("generated").resolve(service + ".yml");
        assertTrue(Files.isRegularFile(built), built + " missing: package " + service + " first (mvn package)");
        // as YAML trees: the extension does not promise the order of a map's keys (labels) from one build to another
        assertEquals(Manifests.read(built), Manifests.read(copy),
                "deploy/kubernetes/generated/" + service + ".yml is not what the build generates: cp " + built + " "
                        + copy);
    }
}
