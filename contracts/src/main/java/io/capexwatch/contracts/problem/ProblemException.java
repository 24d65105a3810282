package io.capexwatch.contracts.problem;

import java.util.List;

/** Thrown by resources and services for a client error that must reach the caller as problem+json. */
public class ProblemException extends RuntimeException {
    private final transient Problem problem;

    public ProblemException(int status, String slug, String title, String detail) {
        this(Problem.of(status, slug, title, detail));
    }

    public ProblemException(Problem problem) {
        super(problem.title() + ": " + problem.detail());
        this.problem = problem;
    }

    public static ProblemException badRequest(String slug, String detail, List<String> errors) {
        return new ProblemException(Problem.of(400, slug, "Bad request", detail).withErrors(errors));
    }

    public static ProblemException notFound(String detail) {
        return new ProblemException(404, "not-found", "Not found", detail);
    }

    public Problem problem() {
        return problem;
    }
}
