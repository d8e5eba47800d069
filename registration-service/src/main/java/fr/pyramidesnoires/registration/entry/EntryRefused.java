package fr.pyramidesnoires.registration.entry;

/** A registration that breaks a race rule: the rule and the reason go back to the runner. */
public class EntryRefused extends RuntimeException {

    private final int status;
    private final String rule;

    public EntryRefused(int status, String rule, String reason) {
        super(reason);
        this.status = status;
        this.rule = rule;
    }

    public int status() {
        return status;
    }

    public String rule() {
        return rule;
    }
}
