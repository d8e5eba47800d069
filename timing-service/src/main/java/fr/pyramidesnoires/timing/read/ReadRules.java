package fr.pyramidesnoires.timing.read;

import fr.pyramidesnoires.events.ChipRead;

/** What a chip read must carry for timing to use it; anything less is kept as malformed. */
public final class ReadRules {

    public static final int MAX_ID_LENGTH = 100;

    private ReadRules() {
    }

    /** @return why the read cannot be used, or null when it can */
    public static String problem(ChipRead read) {
        if (read == null || blank(read.matId()) || blank(read.chipId()) || read.readTime() == null) {
            return "a chip read needs matId, chipId and readTime";
        }
        if (tooLong(read.readerId()) || tooLong(read.matId()) || tooLong(read.chipId())) {
            return "readerId, matId and chipId have at most " + MAX_ID_LENGTH + " characters";
        }
        // a NUL can travel in JSON but not into a PostgreSQL text column: let through, it would fail its whole batch
        if (hasNul(read.readerId()) || hasNul(read.matId()) || hasNul(read.chipId())) {
            return "readerId, matId and chipId cannot hold a NUL character";
        }
        return null;
    }

    /** Whether an identifier can be stored and matched: not blank, not too long, no NUL (which text columns refuse). */
    public static boolean storableId(String value, int maxLength) {
        return !blank(value) && value.length() <= maxLength && !hasNul(value);
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }

    private static boolean hasNul(String value) {
        return value != null && value.indexOf('\0') >= 0;
    }

    private static boolean tooLong(String value) {
        return value != null && value.length() > MAX_ID_LENGTH;
    }
}
