package fr.pyramidesnoires.timing.clock;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import java.time.Instant;

/** The start signal of a race, as an official recorded it. */
@Entity
public class RaceClock extends PanacheEntityBase {

    @Id
    public String raceCode;
    public Instant gunStart;

    public static Instant gunStart(String raceCode) {
        RaceClock clock = findById(raceCode);
        return clock == null ? null : clock.gunStart;
    }
}
