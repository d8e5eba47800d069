package fr.pyramidesnoires.registration.outbox;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Readiness signs in to the broker with the service's own account: a registration service whose entries cannot
 * reach Kafka takes no traffic, however well its database answers.
 */
@QuarkusTest
@TestProfile(BrokerReadinessTest.WrongKafkaPassword.class)
class BrokerReadinessTest {

    public static class WrongKafkaPassword implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("kafka.sasl.jaas.config", "org.apache.kafka.common.security.scram.ScramLoginModule required"
                    + " username=\"registration\" password=\"not-the-password\";");
        }
    }

    @Test
    void aServiceTheBrokerRefusesIsNotReady() {
        given().when().get("/q/health/ready")
                .then().statusCode(503)
                .body("checks.find { it.name == 'Kafka connection health check' }.status", equalTo("DOWN"))
                .body("checks.find { it.name == 'Database connections health check' }.status", equalTo("UP"));
    }
}
