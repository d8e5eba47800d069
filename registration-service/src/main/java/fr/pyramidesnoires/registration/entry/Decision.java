package fr.pyramidesnoires.registration.entry;

/**
 * One request's own answer in a batch: its entry and what the runner is told, or the rule it broke, which leaves
 * the other requests of the batch as they are.
 */
public record Decision(Entry entry, EntryConfirmation confirmation, EntryRefused refusal) {

    static Decision entered(Entry entry, EntryConfirmation confirmation) {
        return new Decision(entry, confirmation, null);
    }

    static Decision refused(EntryRefused refusal) {
        return new Decision(null, null, refusal);
    }

    EntryConfirmation confirmationOrThrow() {
        if (refusal != null) {
            throw refusal;
        }
        return confirmation;
    }

    Entry entryOrThrow() {
        confirmationOrThrow();
        return entry;
    }
}
