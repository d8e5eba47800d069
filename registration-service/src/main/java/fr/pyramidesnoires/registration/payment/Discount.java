package fr.pyramidesnoires.registration.payment;

import fr.pyramidesnoires.registration.price.DiscountCode;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.LockModeType;
import jakarta.persistence.Table;
import java.time.Instant;

/** A discount code an organiser made, as the database keeps it. */
@Entity
@Table(name = "discountcode")
public class Discount extends PanacheEntityBase {

    @Id
    public String code;
    public Long amountOffCents;
    public Integer percentOff;
    public String raceCode;
    public Integer maxUses;
    public Instant expiresAt;
    @Column(nullable = false)
    public String createdBy;
    @Column(nullable = false)
    public Instant createdAt;

    public DiscountCode rule() {
        return new DiscountCode(code, amountOffCents, percentOff, raceCode, maxUses, expiresAt);
    }

    /**
     * The code, locked until the transaction ends: a code for every race is used by entries into several races at
     * once, each under its own race's lock, and its uses must be counted one decision at a time.
     */
    static Discount lock(String code) {
        return findById(code, LockModeType.PESSIMISTIC_WRITE);
    }

    /** Entries holding or having a place with the code. */
    public static long uses(String code) {
        return getEntityManager().createQuery(
                        "select count(e) from Entry e where e.discountCode = ?1 and e.status in ?2", Long.class)
                .setParameter(1, code)
                .setParameter(2, java.util.List.of(fr.pyramidesnoires.registration.entry.EntryStatus.HELD,
                        fr.pyramidesnoires.registration.entry.EntryStatus.CONFIRMED))
                .getSingleResult();
    }
}
