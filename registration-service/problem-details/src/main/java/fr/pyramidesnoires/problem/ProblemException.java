package fr.pyramidesnoires.problem;

/** A request the service understood and refuses, for the reason its problem gives. */
public class ProblemException extends RuntimeException {

    private final transient Problem problem;

    public ProblemException(Problem problem) {
        super(problem.detail());
        this.problem = problem;
    }

    public Problem problem() {
        return problem;
    }
}
