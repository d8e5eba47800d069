package fr.pyramidesnoires.registration.race;

import fr.pyramidesnoires.events.RaceEvent;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.LockModeType;
import java.time.LocalDate;
import java.time.OffsetDateTime;

@Entity
public class Race extends PanacheEntityBase {

    @Id
    public String code;
    public String name;
    public double distanceKm;
    public int elevationGainM;
    public OffsetDateTime startTime;
    public int capacity;
    public int bibFirst;
    public int bibLast;

    public RaceEvent publicEvent() {
        return new RaceEvent(code, name, distanceKm, elevationGainM, startTime, capacity);
    }

    public LocalDate raceDay() {
        return startTime.toLocalDate();
    }

    /**
     * The race row is the lock that serialises entries into one race: capacity and bibs are decided under it.
     */
    public static Race lockForEntry(String code) {
        return findById(code, LockModeType.PESSIMISTIC_WRITE);
    }
}
