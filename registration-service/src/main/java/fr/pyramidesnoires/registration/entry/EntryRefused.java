package fr.pyramidesnoires.registration.entry;

import fr.pyramidesnoires.problem.Problem;
import fr.pyramidesnoires.problem.ProblemException;
import java.util.List;

/** A registration that breaks a race rule: the rule and the reason go back to the runner. */
public class EntryRefused extends ProblemException {

    public EntryRefused(int status, String rule, String reason) {
        super(Problem.of(status, rule, "Inscription refusée / Entry refused", reason));
    }

    /** A refusal about one field of the request, named among the problem's errors; none when field is null. */
    public EntryRefused(int status, String rule, String reason, String field) {
        super(field == null ? Problem.of(status, rule, "Inscription refusée / Entry refused", reason)
                : new Problem(Problem.TYPES + rule, "Inscription refusée / Entry refused", status, reason,
                        List.of(new Problem.FieldError(field, reason))));
    }

    /** The rule broken, as the problem's type names it. */
    public String rule() {
        return problem().type().substring(Problem.TYPES.length());
    }
}
