package fr.pyramidesnoires.deploy.kubernetes;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The Kafka contract as deploy/stack.sh sets it up on every local broker: its TOPICS and KAFKA_ACLS, read from the
 * script itself so that the manifests are held to what the platform's tests run against.
 */
final class StackScript {

    record Topic(String name, int partitions, String cleanupPolicy) {
    }

    /** One right of one account: an operation on a topic or a consumer group. */
    record Grant(String account, String resourceType, String resource, String operation) {
    }

    private StackScript() {
    }

    static List<Topic> topics() {
        List<Topic> topics = new ArrayList<>();
        for (String spec : words("TOPICS")) {
            String[] part = spec.split(":");
            topics.add(new Topic(part[0], Integer.parseInt(part[1]), part[2]));
        }
        return topics;
    }

    /** As deploy/kafka/StackSetup.java grants them: the operation on each topic, and on the group when one is named. */
    static List<Grant> grants() {
        List<Grant> grants = new ArrayList<>();
        for (String spec : words("KAFKA_ACLS")) {
            String[] part = spec.split(":");
            for (String topic : part[2].split(",")) {
                grants.add(new Grant(part[0], "topic", topic, part[1]));
            }
            if (part.length > 3) {
                grants.add(new Grant(part[0], "group", part[3], part[1]));
            }
        }
        return grants;
    }

    static List<String> accounts() {
        return words("KAFKA_ACCOUNTS");
    }

    private static List<String> words(String variable) {
        String script;
        try {
            script = Files.readString(Manifests.root().resolve("deploy/stack.sh"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Matcher value = Pattern.compile("(?m)^" + variable + "=\"([^\"]*)\"").matcher(script);
        if (!value.find()) {
            throw new AssertionError("deploy/stack.sh no longer sets " + variable + "=\"...\"");
        }
        return List.of(value.group(1).trim().split("\\s+"));
    }
}
