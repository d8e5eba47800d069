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
 * java -cp KAFKA_CLASSPATH StackSetup.java BOOTSTRAP ADMIN_CLIENT_PROPERTIES TOPICS ACLS
 *   TOPICS  topic:partitions:cleanup policy, space-separated
 *   ACLS    account:operation:topic,topic[:consumer group], space-separated
 * </pre>
 */
public class StackSetup {

    public static void main(String[] args) throws Exception {
        Properties admin = new Properties();
        try (Reader reader = new FileReader(args[1])) {
            admin.load(reader);
        }
        admin.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, args[0]);
        try (Admin kafka = Admin.create(admin)) {
            if (!topics(kafka, args[2].trim().split("\\s+"))) {
                System.exit(1);
            }
            kafka.createAcls(acls(args[3].trim().split("\\s+"))).all().get();
        }
    }

    private static boolean topics(Admin kafka, String[] specs) throws InterruptedException, ExecutionException {
        List<NewTopic> wanted = new ArrayList<>();
        for (String spec : specs) {
            String[] part = spec.split(":");
            wanted.add(new NewTopic(part[0], Integer.parseInt(part[1]), (short) 1)
                    .configs(Map.of("cleanup.policy", part[2], "retention.ms", "-1")));
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
