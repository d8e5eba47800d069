package fr.pyramidesnoires.registration.price;

/**
 * A price rule the runner's order or the organiser's discount code breaks.
 *
 * @param rule   a stable name for the rule (sold-out, discount-expired, ...), for the problem's type
 * @param reason what the runner reads, French then English
 * @param field  the field of the form at fault, such as extras[1].size, answers.bus or discountCode
 */
public final class PriceRefused extends RuntimeException {

    private final String rule;
    private final String field;

    public PriceRefused(String rule, String reason, String field) {
        super(reason);
        this.rule = rule;
        this.field = field;
    }

    public String rule() {
        return rule;
    }

    public String reason() {
        return getMessage();
    }

    public String field() {
        return field;
    }
}
