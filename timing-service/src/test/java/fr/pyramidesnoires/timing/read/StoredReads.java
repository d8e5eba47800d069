package fr.pyramidesnoires.timing.read;

import static io.restassured.RestAssured.given;

import fr.pyramidesnoires.timing.passage.ChipReads;
import io.quarkus.arc.Arc;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.persistence.EntityManager;
import java.util.List;
import org.hibernate.Session;

/** What timing keeps of a chip's reads, as tests look at it: its distinct reads, and the archive as officials see it. */
public final class StoredReads {

    private StoredReads() {
    }

    /** The chip's distinct well-formed reads, those its runner's race is worked out from. */
    public static long distinct(String chip) {
        return QuarkusTransaction.requiringNew().call(() -> Arc.container().instance(EntityManager.class).get()
                .unwrap(Session.class).doReturningWork(connection -> new ChipReads(connection).of(List.of(chip)))
                .getOrDefault(chip, List.of()).size());
    }

    /** Every message the chip was read in, from the officials' API. */
    public static List<ReadArchiveResource.ArchivedRead> archived(String chip) {
        return List.of(given().auth().preemptive().basic("judge", "judge-secret")
                .when().get("/api/chips/{chip}/reads", chip)
                .then().statusCode(200)
                .extract().as(ReadArchiveResource.ArchivedRead[].class));
    }
}
