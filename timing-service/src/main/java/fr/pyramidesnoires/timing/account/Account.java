package fr.pyramidesnoires.timing.account;

import io.quarkus.elytron.security.common.BcryptUtil;
import io.quarkus.hibernate.orm.panache.PanacheEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;

/**
 * Someone (or a reader device) allowed to change timing: officials, volunteers at a checkpoint, mat gateways.
 * Passwords are kept as bcrypt hashes only.
 */
@Entity
public class Account extends PanacheEntity {

    public static final String OFFICIAL = "official";
    public static final String VOLUNTEER = "volunteer";
    public static final String DEVICE = "device";

    @Column(nullable = false, unique = true)
    public String username;
    @Column(nullable = false)
    public String password;
    /** Comma-separated: official, volunteer, device. */
    @Column(nullable = false)
    public String roles;
    /** For a volunteer, the only timing point they may record passages at; null for any. */
    public String pointId;

    public static Account create(String username, String clearPassword, String roles, String pointId) {
        Account account = new Account();
        account.username = username;
        account.password = BcryptUtil.bcryptHash(clearPassword);
        account.roles = roles;
        account.pointId = pointId;
        account.persist();
        return account;
    }

    public boolean hasPassword(String clearPassword) {
        return BcryptUtil.matches(clearPassword, password);
    }

    public static Account named(String username) {
        return find("username", username).firstResult();
    }
}
