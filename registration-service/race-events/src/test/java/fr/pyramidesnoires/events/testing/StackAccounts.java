package fr.pyramidesnoires.events.testing;

import fr.pyramidesnoires.events.KafkaAccess;
import java.util.Locale;

/**
 * The test stack's Kafka accounts (admin, registration, timing, results, reader): deploy/stack.sh makes their
 * passwords, deploy/test.sh hands them to the tests as {@code <ACCOUNT>_KAFKA_PASSWORD}.
 */
public final class StackAccounts {

    private StackAccounts() {
    }

    /** The same broker and transport as {@code broker}, signed in as this account of the test stack. */
    public static KafkaAccess as(KafkaAccess broker, String account) {
        String variable = account.toUpperCase(Locale.ROOT) + "_KAFKA_PASSWORD";
        String password = System.getenv(variable);
        if (password == null) {
            throw new IllegalStateException(variable + " is not set: run the tests through deploy/test.sh");
        }
        return broker.as(account, password);
    }
}
