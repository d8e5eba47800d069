package fr.pyramidesnoires.timing.account;

import fr.pyramidesnoires.signin.Passwords;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * One account as TIMING_ACCOUNTS lists it: {@code user:password:role[|role][:scope]}. A volunteer's scope names its
 * timing points, a device's its mats, {@code *} all of them; officials have none and may act everywhere.
 *
 * @param roles sorted, so that the same roles in another order are no change
 * @param scope null for an account that is neither volunteer nor device
 */
record AccountSpec(String username, String password, Set<String> roles, Scope scope) {

    static final List<String> ROLES = List.of(Account.OFFICIAL, Account.VOLUNTEER, Account.DEVICE);

    /**
     * @param position the entry's place in the list, to name an entry without a user name
     * @throws IllegalArgumentException naming the account, never quoting its password
     */
    static AccountSpec parse(String entry, int position) {
        String[] parts = entry.strip().split(":", -1);
        String username = parts[0].strip();
        String which = username.isEmpty() ? "Entry " + position + " of timing.accounts" : "Account " + username;
        if (parts.length < 3 || parts.length > 4 || username.isEmpty()) {
            throw new IllegalArgumentException(which + " is not user:password:role[|role][:scope] (a password holds"
                    + " no ':' and no ',')");
        }
        Passwords.requireStrong(username, parts[1]);
        Set<String> roles = new TreeSet<>(Arrays.stream(parts[2].split("\\|")).map(String::strip).toList());
        if (!ROLES.containsAll(roles)) {
            // the text is not quoted: a ':' in a password would put part of it here
            throw new IllegalArgumentException(which + " names a role other than " + String.join(", ", ROLES)
                    + " (or has a ':' in its password)");
        }
        boolean volunteer = roles.contains(Account.VOLUNTEER);
        boolean device = roles.contains(Account.DEVICE);
        String scope = parts.length == 4 ? parts[3].strip() : "";
        if (volunteer && device) {
            throw new IllegalArgumentException(which + " cannot be both volunteer and device: its scope names"
                    + " timing points for the one, mats for the other");
        }
        if (volunteer && scope.isEmpty()) {
            throw new IllegalArgumentException(which + " is a volunteer without its timing point(s): name them"
                    + " (point|point) or write * for every point");
        }
        if (device && scope.isEmpty()) {
            throw new IllegalArgumentException(which + " is a device without its mat(s): name them (mat|mat) or"
                    + " write * for every mat");
        }
        if (!volunteer && !device && !scope.isEmpty()) {
            throw new IllegalArgumentException(which + " has a scope, which only volunteers and devices have");
        }
        return new AccountSpec(username, parts[1], roles, volunteer || device ? Scope.parse(scope) : null);
    }
}
