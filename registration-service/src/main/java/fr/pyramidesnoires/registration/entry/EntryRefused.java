package fr.pyramidesnoires.registration.entry;

import fr.pyramidesnoires.problem.Problem;
import fr.pyramidesnoires.problem.ProblemException;

/** A registration that breaks a race rule: the rule and the reason go back to the runner. */
public class EntryRefused extends ProblemException {

    public EntryRefused(int status, String rule, String reason) {
        super(Problem.of(status, rule, "Inscription refusée / Entry refused", reason));
    }
}
