package fr.pyramidesnoires.registration.race;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import org.junit.jupiter.api.Test;

/** Two registration instances started together both load the races file, which neither found in the database. */
@QuarkusTest
class InstancesStartingTogetherTest {

    @Inject
    RaceCatalog catalog;
    @Inject
    ObjectMapper json;

    @Test
    void bothStartAndEachNewRaceIsThereOnce() throws Exception {
        for (int round = 0; round < 5; round++) {
            String code = "T" + UUID.randomUUID().toString().substring(0, 6).toUpperCase();
            List<RaceDefinition> races = catalog.parse(json.readTree("[{\"code\": \"" + code + "\", \"name\": "
                    + "\"Trail " + code + "\", \"capacity\": 10, \"bibFirst\": 1, \"bibLast\": 10, \"distanceKm\": 80, "
                    + "\"startTime\": \"2027-03-20T05:00:00+01:00\"}]"));
            CyclicBarrier together = new CyclicBarrier(2);
            Runnable start = () -> {
                try {
                    together.await();
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
                catalog.apply(races);
            };

            // join throws if either instance failed its start
            CompletableFuture.allOf(CompletableFuture.runAsync(start), CompletableFuture.runAsync(start)).join();

            assertEquals(1L, QuarkusTransaction.requiringNew().call(() -> Race.count("code", code)));
        }
    }
}
