import java.io.FileReader;
import java.io.Reader;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.acl.AccessControlEntry;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.acl.AclPermissionType;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.resource.PatternType;
import org.apache.kafka.common.resource.ResourcePattern;
import org.apache.kafka.common.resource.ResourceType;

/**
 * deploy/stack.sh's set-up of a broker, in one JVM where Kafka's own tools take one topic or one grant per run (two
 * seconds each): creates the topics a new broker lacks, checks the partitions of those an older one has (the
 * platform would run on a wrong contract), and grants each account its rights (granting again changes nothing).
 * <pre>
 * java -cp KAFKA_CLASSPATH StackSetup.java BOOTSTRAP ADMIN_CLIENT_PROPERTIES TOPICS ACLS [REPLICAS MIN_ISR]
 *   TOPICS   topic:partitions:cleanup policy, space-separated
 *   ACLS     account:operation:topic,topic[:consumer group], space-separated
 *   REPLICAS each partition's copies (default 1), the brokers it waits for before creating anything
 *   MIN_ISR  the copies a write waits for (min.insync.replicas; default: the broker's)
 * </pre>
 */
public class StackSetup {

    public static void main(String[] args) throws Exception {
        Properties admin = new Properties();
        try (Reader reader = new FileReader(args[1])) {
            admin.load(reader);
        }
        admin.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, args[0]);
        short replicas = args.length > 4 ? Short.parseShort(args[4]) : 1;
        String minInSync = args.length > 5 ? args[5] : null;
        try (Admin kafka = Admin.create(admin)) {
            awaitBrokers(kafka, replicas);
            if (!topics(kafka, args[2].trim().split("\\s+"), replicas, minInSync)) {
                System.exit(1);
            }
            kafka.createAcls(acls(args[3].trim().split("\\s+"))).all().get();
        }
    }

    /** Nodes of a cluster register with their controllers one after the other: a topic needs all its replicas'. */
    private static void awaitBrokers(Admin kafka, short replicas) throws InterruptedException, ExecutionException {
        long deadline = System.nanoTime() + 120_000_000_000L;
        int brokers;
        while ((brokers = kafka.describeCluster().nodes().get().size()) < replicas) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException(brokers + " broker(s) up, " + replicas + " needed");
            }
            Thread.sleep(500);
        }
    }

    private static boolean topics(Admin kafka, String[] specs, short replicas, String minInSync)
            throws InterruptedException, ExecutionException {
        List<NewTopic> wanted = new ArrayList<>();
        for (String spec : specs) {
            String[] part = spec.split(":");
            Map<String, String> configs = new java.util.HashMap<>(Map.of("cleanup.policy", part[2],
                    "retention.ms", "-1"));
            if (minInSync != null) {
                configs.put("min.insync.replicas", minInSync);
            }
            wanted.add(new NewTopic(part[0], Integer.parseInt(part[1]), replicas).configs(configs));
        }
        kafka.createTopics(wanted).values().forEach((topic, created) -> {
            try {
                created.get();
            } catch (ExecutionException e) {
                if (!(e.getCause() instanceof TopicExistsException)) {
                    throw new IllegalStateException("cannot create topic " + topic, e.getCause());
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        });
        Map<String, TopicDescription> described = kafka.describeTopics(
                wanted.stream().map(NewTopic::name).toList()).allTopicNames().get();
        boolean right = true;
        for (NewTopic topic : wanted) {
            int has = described.get(topic.name()).partitions().size();
            if (has != topic.numPartitions()) {
                System.err.printf("[stack] topic %s has %d partition(s), the platform needs %d: start again with "
                        + "--fresh%n", topic.name(), has, topic.numPartitions());
                right = false;
            }
        }
        return right;
    }

    private static List<AclBinding> acls(String[] specs) {
        List<AclBinding> acls = new ArrayList<>();
        for (String spec : specs) {
            String[] part = spec.split(":");
            AccessControlEntry grant = new AccessControlEntry("User:" + part[0], "*",
                    AclOperation.fromString(part[1]), AclPermissionType.ALLOW);
            for (String topic : part[2].split(",")) {
                acls.add(new AclBinding(new ResourcePattern(ResourceType.TOPIC, topic, PatternType.LITERAL), grant));
            }
            if (part.length > 3) {
                acls.add(new AclBinding(new ResourcePattern(ResourceType.GROUP, part[3], PatternType.LITERAL), grant));
            }
        }
        return acls;
    }
}
