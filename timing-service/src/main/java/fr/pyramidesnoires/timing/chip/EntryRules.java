package fr.pyramidesnoires.timing.chip;

import fr.pyramidesnoires.events.EntryEvent;
import fr.pyramidesnoires.events.EventCheck;
import fr.pyramidesnoires.timing.read.ReadRules;

/**
 * What an entry event must carry for timing to assign its chip. Registration is its only producer, but a message
 * that breaks these would fail the batch of every entry and read after it, so it is kept aside instead.
 */
public final class EntryRules {

    /** As long as the chip assignment's columns hold. */
    static final int MAX_LENGTH = 255;

    private EntryRules() {
    }

    /** @return why timing cannot use the entry, or null when it can */
    public static String problem(EntryEvent entry) {
        String missing = EventCheck.problem(entry);
        if (missing != null) {
            return missing;
        }
        boolean cancelled = entry.type() == EntryEvent.Type.CANCELLED;
        if (!ReadRules.storableId(entry.entryId(), MAX_LENGTH)
                || !cancelled && (!ReadRules.storableId(entry.raceCode(), MAX_LENGTH)
                || !ReadRules.storableId(entry.chip(), MAX_LENGTH))) {
            return "entryId, raceCode and chip have at most " + MAX_LENGTH + " characters, without NUL";
        }
        return null;
    }
}
