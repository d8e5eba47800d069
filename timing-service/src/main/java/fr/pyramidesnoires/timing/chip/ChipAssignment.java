package fr.pyramidesnoires.timing.chip;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import java.util.List;

/** Which runner wears which chip, as registration-service last said. */
@Entity
public class ChipAssignment extends PanacheEntityBase {

    @Id
    public String entryId;
    @Column(nullable = false, unique = true)
    public String chip;
    @Column(nullable = false)
    public String raceCode;
    public int bib;

    public static List<ChipAssignment> wearing(java.util.Collection<String> chips) {
        return list("chip in ?1", chips);
    }
}
