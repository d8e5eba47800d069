package fr.pyramidesnoires.deploy.kubernetes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import fr.pyramidesnoires.deploy.kubernetes.Manifests.Manifest;
import fr.pyramidesnoires.deploy.kubernetes.StackScript.Grant;
import fr.pyramidesnoires.deploy.kubernetes.StackScript.Topic;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.networking.v1.HTTPIngressPath;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.networking.v1.IngressRule;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import io.strimzi.api.kafka.model.kafka.Kafka;
import io.strimzi.api.kafka.model.kafka.listener.GenericKafkaListener;
import io.strimzi.api.kafka.model.topic.KafkaTopic;
import io.strimzi.api.kafka.model.user.KafkaUser;
import io.strimzi.api.kafka.model.user.KafkaUserAuthorizationSimple;
import io.strimzi.api.kafka.model.user.acl.AclRule;
import io.strimzi.api.kafka.model.user.acl.AclRuleGroupResource;
import io.strimzi.api.kafka.model.user.acl.AclRuleTopicResource;
import io.strimzi.api.kafka.model.user.acl.AclOperation;
import java.io.IOException;
import java.nio.file.Files;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The manifests against the platform as the local stack and the services define it: the same topics and grants as
 * deploy/stack.sh, probes on Quarkus' health, passwords only from the Secrets README.md lists, the live streams
 * unbuffered, the autoscaler and budgets on the right pods.
 */
class ManifestConsistencyTest {

    static final Map<String, Integer> REPLICAS = Map.of(
            "registration-service", 2, "timing-service", 2, "results-web", 3);

    @Test
    void kafkaTopicsAreTheStackTopicsWithThreeCopies() {
        Map<String, Topic> manifests = new TreeMap<>();
        for (Manifest manifest : Manifests.ofKind("KafkaTopic")) {
            KafkaTopic topic = manifest.as(KafkaTopic.class);
            Map<String, Object> config = topic.getSpec().getConfig();
            manifests.put(manifest.name(), new Topic(manifest.name(), topic.getSpec().getPartitions(),
                    String.valueOf(config.get("cleanup.policy"))));
            assertEquals(3, topic.getSpec().getReplicas(), manifest + "'s replicas");
            assertEquals("2", String.valueOf(config.get("min.insync.replicas")), manifest + "'s min.insync.replicas");
            // kept for ever, as StackSetup makes them: a race's reads are its evidence
            assertEquals("-1", String.valueOf(config.get("retention.ms")), manifest + "'s retention.ms");
        }
        Map<String, Topic> stack = new TreeMap<>();
        StackScript.topics().forEach(topic -> stack.put(topic.name(), topic));
        assertEquals(stack, manifests);
    }

    @Test
    void kafkaUsersAreTheStackAccountsWithItsGrants() {
        Set<Grant> manifests = new HashSet<>();
        Set<String> users = new TreeSet<>();
        for (Manifest manifest : Manifests.ofKind("KafkaUser")) {
            KafkaUser user = manifest.as(KafkaUser.class);
            users.add(manifest.name());
            assertEquals("scram-sha-512", user.getSpec().getAuthentication().getType(), manifest + "'s sign-in");
            for (AclRule rule : ((KafkaUserAuthorizationSimple) user.getSpec().getAuthorization()).getAcls()) {
                assertEquals("allow", rule.getType() == null ? "allow" : rule.getType().toValue(), manifest + " denies");
                String type;
                String name;
                if (rule.getResource() instanceof AclRuleTopicResource topic) {
                    type = "topic";
                    name = topic.getName();
                    assertEquals("literal", topic.getPatternType().toValue(), manifest + ": " + name);
                } else if (rule.getResource() instanceof AclRuleGroupResource group) {
                    type = "group";
                    name = group.getName();
                    assertEquals("literal", group.getPatternType().toValue(), manifest + ": " + name);
                } else {
                    throw new AssertionError(manifest + " grants on " + rule.getResource().getType()
                            + ", which deploy/stack.sh never does");
                }
                for (AclOperation operation : rule.getOperations()) {
                    manifests.add(new Grant(manifest.name(), type, name, operation.toValue()));
                }
            }
        }
        assertEquals(new TreeSet<>(StackScript.accounts()), users);
        assertEquals(sorted(new HashSet<>(StackScript.grants())), sorted(manifests));
    }

    @Test
    void kafkaIsThreeNodesSignedInAndAuthorised() {
        Kafka kafka = Manifests.ofKind("Kafka").get(0).as(Kafka.class);
        assertEquals("simple", kafka.getSpec().getKafka().getAuthorization().getType());
        assertEquals(3, Manifests.ofKind("KafkaNodePool").stream()
                .mapToInt(pool -> pool.tree().path("spec").path("replicas").asInt()).sum());
        Map<String, Object> config = kafka.getSpec().getKafka().getConfig();
        assertEquals("3", String.valueOf(config.get("default.replication.factor")));
        assertEquals("2", String.valueOf(config.get("min.insync.replicas")));
        for (GenericKafkaListener listener : kafka.getSpec().getKafka().getListeners()) {
            assertNotNull(listener.getAuth(), "listener " + listener.getName() + " takes anyone");
            assertEquals("scram-sha-512", listener.getAuth().getType(), "listener " + listener.getName());
        }
    }

    @Test
    void deploymentsHaveTheirReplicasResourcesAndHealthProbes() {
        Map<String, Integer> replicas = new TreeMap<>();
        for (Manifest manifest : Manifests.ofKind("Deployment")) {
            Deployment deployment = manifest.as(Deployment.class);
            replicas.put(manifest.name(), deployment.getSpec().getReplicas());
            Container container = deployment.getSpec().getTemplate().getSpec().getContainers().get(0);
            int port = container.getPorts().get(0).getContainerPort();
            assertProbe(manifest + "'s startup probe", container.getStartupProbe(), "/q/health/started", port);
            assertProbe(manifest + "'s liveness probe", container.getLivenessProbe(), "/q/health/live", port);
            assertProbe(manifest + "'s readiness probe", container.getReadinessProbe(), "/q/health/ready", port);
            assertFalse(container.getResources().getRequests().isEmpty(), manifest + " requests no resources");
            assertNotNull(container.getResources().getLimits().get("memory"), manifest + " has no memory limit");
            // the services bind 127.0.0.1 unless told otherwise: a pod must listen for its Service
            assertEquals("0.0.0.0", env(container).get("QUARKUS_HTTP_HOST").getValue(), manifest.toString());
        }
        assertEquals(new TreeMap<>(REPLICAS), replicas);
    }

    @Test
    void passwordsComeOnlyFromSecrets() {
        for (Manifest manifest : Manifests.ofKind("Deployment")) {
            Container container = manifest.as(Deployment.class).getSpec().getTemplate().getSpec().getContainers().get(0);
            List<String> secretive = container.getEnv().stream().map(EnvVar::getName)
                    .filter(name -> name.endsWith("_PASSWORD") || name.endsWith("_ACCOUNTS")).toList();
            assertTrue(secretive.contains(service(manifest).toUpperCase() + "_DB_PASSWORD"), manifest + ": " + secretive);
            assertTrue(secretive.contains(service(manifest).toUpperCase() + "_KAFKA_PASSWORD"),
                    manifest + ": " + secretive);
            for (String name : secretive) {
                EnvVar variable = env(container).get(name);
                assertEquals(null, variable.getValue(), manifest + " writes " + name + " in the manifest");
                assertNotNull(variable.getValueFrom().getSecretKeyRef(), manifest + "'s " + name + " is no Secret's");
            }
        }
    }

    /** The services reach the operators' Services: Strimzi's bootstrap and CloudNativePG's primary. */
    @Test
    void servicesReachTheKafkaAndPostgresOfTheseManifests() {
        Kafka kafka = Manifests.ofKind("Kafka").get(0).as(Kafka.class);
        int port = kafka.getSpec().getKafka().getListeners().get(0).getPort();
        String bootstrap = kafka.getMetadata().getName() + "-kafka-bootstrap:" + port;
        String postgres = "jdbc:postgresql://" + Manifests.ofKind("Cluster").get(0).name() + "-rw:5432/";
        Set<String> databases = CloudNativePgTest.databases().keySet();
        for (Manifest manifest : Manifests.ofKind("Deployment")) {
            Map<String, EnvVar> env = env(manifest.as(Deployment.class).getSpec().getTemplate().getSpec()
                    .getContainers().get(0));
            assertEquals(bootstrap, env.get("KAFKA_BOOTSTRAP").getValue(), manifest.toString());
            String url = env.get(service(manifest).toUpperCase() + "_DB_URL").getValue();
            assertTrue(url.startsWith(postgres), manifest + "'s database " + url);
            assertTrue(databases.contains(url.substring(postgres.length())), manifest + "'s database " + url);
            assertEquals(service(manifest), env.get(service(manifest).toUpperCase() + "_KAFKA_PASSWORD")
                    .getValueFrom().getSecretKeyRef().getName(), manifest + " signs in as another KafkaUser");
            assertTrue(Manifests.ofKind("ConfigMap").stream().map(Manifest::name).toList().contains(
                    manifest.as(Deployment.class).getSpec().getTemplate().getSpec().getContainers().get(0).getEnvFrom()
                            .get(0).getConfigMapRef().getName()), manifest + "'s event settings");
        }
    }

    @Test
    void secretsReferencedAreTheDocumentedOnes() throws IOException {
        Set<String> referenced = new TreeSet<>();
        Manifests.all().forEach(manifest -> secrets(manifest.tree(), null, referenced));
        Set<String> documented = documentedSecrets();
        Set<String> undocumented = new TreeSet<>(referenced);
        undocumented.removeAll(documented);
        assertEquals(Set.of(), undocumented, "Secrets read but not in deploy/kubernetes/README.md");
        // and none documented for nothing: each is read here, or is a KafkaUser's, which Strimzi makes for clients
        // outside the cluster too (the mats' gateways sign in as reader)
        Set<String> stale = new TreeSet<>(documented);
        stale.removeAll(referenced);
        Manifests.ofKind("KafkaUser").forEach(user -> stale.remove(user.name()));
        assertEquals(Set.of(), stale, "Secrets README.md lists that nothing reads");
    }

    @Test
    void liveStreamsAreRoutedUnbufferedAndHeldOpen() {
        String live = "/races/trail-42/live";
        List<Manifest> routing = Manifests.ofKind("Ingress").stream()
                .filter(manifest -> paths(manifest).stream().anyMatch(path -> !path.getPath().equals("/")
                        && live.matches(path.getPath().replace("$", "") + ".*")))
                .toList();
        assertEquals(1, routing.size(), "Ingresses routing " + live + ": " + routing);
        Manifest streams = routing.get(0);
        Map<String, String> annotations = streams.as(Ingress.class).getMetadata().getAnnotations();
        assertEquals("off", annotations.get("nginx.ingress.kubernetes.io/proxy-buffering"), streams.toString());
        assertEquals("true", annotations.get("nginx.ingress.kubernetes.io/use-regex"), streams.toString());
        assertTrue(Integer.parseInt(annotations.get("nginx.ingress.kubernetes.io/proxy-read-timeout")) >= 3600,
                streams + " cuts quiet streams");
        paths(streams).forEach(path -> assertEquals("results-web", path.getBackend().getService().getName()));
        assertFalse(streams.as(Ingress.class).getSpec().getTls().isEmpty(), streams + " without TLS");
    }

    @Test
    void everyPublicHostHasTlsAndRefusesQuarkusEndpoints() {
        Set<String> hosts = new TreeSet<>();
        Set<String> closed = new TreeSet<>();
        Set<String> services = new HashSet<>();
        Manifests.ofKind("Service").forEach(service -> services.add(service.name()));
        for (Manifest manifest : Manifests.ofKind("Ingress")) {
            Ingress ingress = manifest.as(Ingress.class);
            Set<String> tls = new HashSet<>();
            ingress.getSpec().getTls().forEach(entry -> tls.addAll(entry.getHosts()));
            String denied = ingress.getMetadata().getAnnotations()
                    .getOrDefault("nginx.ingress.kubernetes.io/denylist-source-range", "");
            for (IngressRule rule : ingress.getSpec().getRules()) {
                hosts.add(rule.getHost());
                assertTrue(tls.contains(rule.getHost()), manifest + " serves " + rule.getHost() + " without TLS");
                for (HTTPIngressPath path : rule.getHttp().getPaths()) {
                    assertTrue(services.contains(path.getBackend().getService().getName()), manifest + ": " + path);
                    assertEquals("http", path.getBackend().getService().getPort().getName(), manifest + ": " + path);
                    if (path.getPath().equals("/q") && "Prefix".equals(path.getPathType())
                            && denied.equals("0.0.0.0/0,::/0")) {
                        closed.add(rule.getHost());
                    }
                }
            }
        }
        assertEquals(hosts, closed, "hosts whose /q/ is refused to every address");
    }

    @Test
    void theAutoscalerScalesResultsWebFromItsReplicas() {
        HorizontalPodAutoscaler autoscaler = Manifests.ofKind("HorizontalPodAutoscaler").get(0)
                .as(HorizontalPodAutoscaler.class);
        var target = autoscaler.getSpec().getScaleTargetRef();
        assertEquals("apps/v1", target.getApiVersion());
        assertEquals("Deployment", target.getKind());
        assertEquals("results-web", target.getName());
        Deployment resultsWeb = Manifests.named("Deployment", "results-web").as(Deployment.class);
        assertEquals(resultsWeb.getSpec().getReplicas(), autoscaler.getSpec().getMinReplicas());
        assertTrue(autoscaler.getSpec().getMaxReplicas() > autoscaler.getSpec().getMinReplicas());
        Container container = resultsWeb.getSpec().getTemplate().getSpec().getContainers().get(0);
        // a CPU utilisation is a share of the request: without one the autoscaler cannot act
        assertNotNull(container.getResources().getRequests().get("cpu"));
    }

    @Test
    void everyDeploymentHasOneDisruptionBudgetSelectingItsPods() {
        Map<String, String> budgetOf = new TreeMap<>();
        for (Manifest manifest : Manifests.ofKind("PodDisruptionBudget")) {
            Map<String, String> selector = manifest.as(PodDisruptionBudget.class).getSpec().getSelector()
                    .getMatchLabels();
            for (Manifest deployment : Manifests.ofKind("Deployment")) {
                Map<String, String> labels = deployment.as(Deployment.class).getSpec().getTemplate().getMetadata()
                        .getLabels();
                if (labels.entrySet().containsAll(selector.entrySet())) {
                    assertEquals(null, budgetOf.put(deployment.name(), manifest.name()),
                            deployment + " has two budgets");
                }
            }
        }
        assertEquals(REPLICAS.keySet(), budgetOf.keySet());
    }

    private static void assertProbe(String what, Probe probe, String path, int port) {
        assertNotNull(probe, what + " missing");
        assertEquals(path, probe.getHttpGet().getPath(), what);
        assertEquals(port, probe.getHttpGet().getPort().getIntVal(), what);
    }

    private static Map<String, EnvVar> env(Container container) {
        Map<String, EnvVar> env = new HashMap<>();
        container.getEnv().forEach(variable -> env.put(variable.getName(), variable));
        return env;
    }

    /** The service's name in its settings (REGISTRATION_..., TIMING_..., RESULTS_...) and its Kafka account. */
    private static String service(Manifest deployment) {
        return deployment.name().replaceFirst("-.*", "");
    }

    private static List<HTTPIngressPath> paths(Manifest ingress) {
        return ingress.as(Ingress.class).getSpec().getRules().stream()
                .flatMap(rule -> rule.getHttp().getPaths().stream()).toList();
    }

    private static List<String> sorted(Set<Grant> grants) {
        return grants.stream().map(Grant::toString).sorted().toList();
    }

    /** The names of the Secrets an object reads, wherever its kind keeps them. */
    private static void secrets(JsonNode node, String field, Set<String> names) {
        if (node.isObject()) {
            if (field != null && Set.of("secretKeyRef", "secretRef", "passwordSecret", "secret", "accessKeyId",
                    "secretAccessKey")
                    .contains(field) && node.has("name")) {
                names.add(node.get("name").asText());
            }
            if (node.path("secretName").isTextual()) {
                names.add(node.get("secretName").asText());
            }
            for (Iterator<Map.Entry<String, JsonNode>> fields = node.fields(); fields.hasNext(); ) {
                Map.Entry<String, JsonNode> child = fields.next();
                secrets(child.getValue(), child.getKey(), names);
            }
        } else if (node.isArray()) {
            node.forEach(item -> secrets(item, field, names));
        }
    }

    /** The first column of README.md's table of Secrets. */
    static Set<String> documentedSecrets() throws IOException {
        String readme = Files.readString(Manifests.folder().resolve("README.md"));
        int table = readme.indexOf("## Secrets");
        assertTrue(table >= 0, "deploy/kubernetes/README.md has no Secrets section");
        Set<String> names = new TreeSet<>();
        Matcher row = Pattern.compile("(?m)^\\| `([a-z0-9-]+)` \\|").matcher(readme.substring(table));
        while (row.find()) {
            names.add(row.group(1));
        }
        return names;
    }
}
