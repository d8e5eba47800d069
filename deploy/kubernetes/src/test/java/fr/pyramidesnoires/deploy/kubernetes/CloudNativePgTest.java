package fr.pyramidesnoires.deploy.kubernetes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import fr.pyramidesnoires.deploy.kubernetes.Manifests.Manifest;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * The CloudNativePG resources. No schema of them is at hand here (the operator's CRDs come from its own release
 * files, on no package registry this build reaches), so these are the project's own assertions: the fields used are
 * among those the CloudNativePG API reference documents for postgresql.cnpg.io/v1, and the cluster is what the
 * platform needs.
 */
class CloudNativePgTest {

    /** The fields of postgresql.cnpg.io/v1 this repository uses, by object path, as CloudNativePG documents them. */
    static final Map<String, Set<String>> KNOWN = Map.ofEntries(
            Map.entry("Cluster", Set.of("apiVersion", "kind", "metadata", "spec")),
            Map.entry("Cluster.spec", Set.of("instances", "imageName", "primaryUpdateStrategy", "minSyncReplicas",
                    "maxSyncReplicas", "storage", "resources", "bootstrap", "managed", "backup", "postgresql",
                    "affinity", "monitoring")),
            Map.entry("Cluster.spec.storage", Set.of("size", "storageClass")),
            Map.entry("Cluster.spec.bootstrap", Set.of("initdb")),
            Map.entry("Cluster.spec.bootstrap.initdb", Set.of("database", "owner", "secret", "encoding",
                    "localeCollate", "localeCType")),
            Map.entry("Cluster.spec.managed", Set.of("roles")),
            Map.entry("Cluster.spec.managed.roles", Set.of("name", "ensure", "login", "passwordSecret", "comment",
                    "connectionLimit", "inherit", "inRoles")),
            Map.entry("Cluster.spec.backup", Set.of("retentionPolicy", "barmanObjectStore", "target")),
            Map.entry("Cluster.spec.backup.barmanObjectStore", Set.of("destinationPath", "endpointURL",
                    "s3Credentials", "wal", "data", "serverName")),
            Map.entry("Cluster.spec.backup.barmanObjectStore.s3Credentials", Set.of("accessKeyId",
                    "secretAccessKey", "region", "sessionToken", "inheritFromIAMRole")),
            Map.entry("Cluster.spec.backup.barmanObjectStore.wal", Set.of("compression", "maxParallel")),
            Map.entry("Cluster.spec.backup.barmanObjectStore.data", Set.of("compression", "jobs")),
            Map.entry("Database", Set.of("apiVersion", "kind", "metadata", "spec")),
            Map.entry("Database.spec", Set.of("cluster", "name", "owner", "ensure", "encoding")),
            Map.entry("ScheduledBackup", Set.of("apiVersion", "kind", "metadata", "spec")),
            Map.entry("ScheduledBackup.spec", Set.of("schedule", "immediate", "backupOwnerReference", "method",
                    "cluster", "suspend", "target")));

    static final Set<String> SERVICES = Set.of("registration", "timing", "results");

    @Test
    void onlyDocumentedFieldsAreUsed() {
        for (String kind : Set.of("Cluster", "Database", "ScheduledBackup")) {
            for (Manifest manifest : Manifests.ofKind(kind)) {
                assertEquals("postgresql.cnpg.io/v1", manifest.apiVersion(), manifest.toString());
                known(kind, manifest.tree(), manifest);
            }
        }
    }

    @Test
    void threeInstancesOneSynchronousStandby() {
        JsonNode spec = cluster().tree().path("spec");
        assertEquals(3, spec.path("instances").asInt());
        // a failover keeps every commit: one standby confirms each before the service hears it done
        assertEquals(1, spec.path("minSyncReplicas").asInt());
        assertTrue(spec.path("imageName").asText().matches(".*/postgresql:15(\\..*)?"), "PostgreSQL 15, as the stack");
    }

    @Test
    void eachServiceHasItsRoleAndOwnsItsDatabase() {
        Map<String, String> roles = new TreeMap<>();
        cluster().tree().path("spec").path("managed").path("roles").forEach(role -> {
            assertTrue(role.path("login").asBoolean(), role.toString());
            assertEquals("present", role.path("ensure").asText(), role.toString());
            roles.put(role.path("name").asText(), role.path("passwordSecret").path("name").asText());
        });
        Map<String, String> expected = new TreeMap<>();
        SERVICES.forEach(service -> expected.put(service, "tpn-pg-" + service));
        assertEquals(expected, roles, "each role's password Secret");

        Map<String, String> owners = new TreeMap<>();
        SERVICES.forEach(service -> owners.put(service, service));
        assertEquals(owners, databases());
        JsonNode initdb = cluster().tree().path("spec").path("bootstrap").path("initdb");
        assertEquals(roles.get(initdb.path("owner").asText()), initdb.path("secret").path("name").asText(),
                "the first database's owner is made with the password its managed role keeps");
    }

    @Test
    void backupsGoToAnObjectStoreEveryNight() {
        JsonNode store = cluster().tree().path("spec").path("backup").path("barmanObjectStore");
        assertTrue(store.path("destinationPath").asText().matches("(s3|gs|https)://.+"), store.toString());
        assertFalse(store.path("s3Credentials").path("accessKeyId").path("key").asText().isEmpty());
        assertFalse(store.path("s3Credentials").path("secretAccessKey").path("key").asText().isEmpty());
        assertFalse(cluster().tree().path("spec").path("backup").path("retentionPolicy").asText().isEmpty());

        Manifest scheduled = Manifests.ofKind("ScheduledBackup").get(0);
        JsonNode spec = scheduled.tree().path("spec");
        assertEquals(cluster().name(), spec.path("cluster").path("name").asText(), scheduled.toString());
        assertEquals("barmanObjectStore", spec.path("method").asText(), scheduled.toString());
        // CloudNativePG's schedules have seconds first: six fields
        assertEquals(6, spec.path("schedule").asText().trim().split("\\s+").length, scheduled.toString());
    }

    static Manifest cluster() {
        assertEquals(1, Manifests.ofKind("Cluster").size(), "one PostgreSQL cluster");
        return Manifests.ofKind("Cluster").get(0);
    }

    /** Database name to owner: the one initdb makes, and the Database objects of the cluster. */
    static Map<String, String> databases() {
        Map<String, String> databases = new TreeMap<>();
        JsonNode initdb = cluster().tree().path("spec").path("bootstrap").path("initdb");
        databases.put(initdb.path("database").asText(), initdb.path("owner").asText());
        for (Manifest database : Manifests.ofKind("Database")) {
            JsonNode spec = database.tree().path("spec");
            assertEquals(cluster().name(), spec.path("cluster").path("name").asText(), database.toString());
            assertEquals(null, databases.put(spec.path("name").asText(), spec.path("owner").asText()),
                    database + " made twice");
        }
        return databases;
    }

    private static void known(String path, JsonNode node, Manifest manifest) {
        if (node.isArray()) {
            node.forEach(item -> known(path, item, manifest));
            return;
        }
        Set<String> fields = KNOWN.get(path);
        if (fields == null || !node.isObject()) {
            return;
        }
        Set<String> unknown = new TreeSet<>();
        for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!fields.contains(name)) {
                unknown.add(name);
            }
            known(path + "." + name, node.get(name), manifest);
        }
        assertEquals(Set.of(), unknown, manifest + " at " + path);
    }
}
