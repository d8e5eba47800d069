package fr.pyramidesnoires.timing.account;

import fr.pyramidesnoires.signin.Passwords;
import io.quarkus.hibernate.orm.panache.PanacheEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import java.util.Objects;

/**
 * Someone (or a reader device) allowed to change timing: officials, volunteers at a checkpoint, mat gateways.
 * Passwords are kept as bcrypt hashes only. Made, changed and removed at start-up from TIMING_ACCOUNTS only.
 */
@Entity
public class Account extends PanacheEntity {

    public static final String OFFICIAL = "official";
    public static final String VOLUNTEER = "volunteer";
    public static final String DEVICE = "device";

    @Column(nullable = false, unique = true)
    public String username;
    /** The bcrypt hash. */
    @Column(nullable = false)
    public String password;
    /** Comma-separated: official, volunteer, device. */
    @Column(nullable = false)
    public String roles;
    /**
     * A volunteer's timing points or a device's mats, as written in TIMING_ACCOUNTS ({@link Scope}); null for an
     * account that is neither. The column keeps its name from when it held a volunteer's one point.
     */
    @Column(name = "pointid")
    public String scope;

    static Account create(AccountSpec spec, String hash) {
        Account account = new Account();
        account.username = spec.username();
        account.password = hash;
        account.setRolesAndScope(spec);
        account.persist();
        return account;
    }

    /** @return whether anything changed */
    boolean setRolesAndScope(AccountSpec spec) {
        String newRoles = String.join(",", spec.roles());
        String newScope = spec.scope() == null ? null : spec.scope().toString();
        boolean changed = !newRoles.equals(roles) || !Objects.equals(newScope, scope);
        roles = newRoles;
        scope = newScope;
        return changed;
    }

    boolean hasPassword(String clearPassword) {
        return Passwords.matches(clearPassword, password);
    }

    static Account named(String username) {
        return find("username", username).firstResult();
    }
}
