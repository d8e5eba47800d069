package fr.pyramidesnoires.registration.account;

import io.quarkus.hibernate.orm.panache.PanacheEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;

/** Someone of the organising team: sees every entry, corrects it, moves it, sets the races. */
@Entity
public class OrganiserAccount extends PanacheEntity {

    /** The only role here: every account of this service is an organiser's. */
    public static final String ROLE = "organiser";

    @Column(nullable = false, unique = true)
    public String username;
    /** A bcrypt hash; the clear password is never stored. */
    @Column(nullable = false)
    public String passwordHash;

    static OrganiserAccount named(String username) {
        return find("username", username).firstResult();
    }
}
