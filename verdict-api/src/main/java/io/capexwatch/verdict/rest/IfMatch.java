package io.capexwatch.verdict.rest;

import io.capexwatch.contracts.problem.ProblemException;

import java.util.List;

/**
 * The version an If-Match header names, for resources whose ETag is their version number ("3"). Every
 * change must name the version it was made against: without the header two writers could each replace
 * the other's change unseen, so a change without it is refused with 428 Precondition Required.
 */
final class IfMatch {
    private IfMatch() {
    }

    /** @return the version named; a 428 problem without the header, 400 for one that is not a version */
    static long version(String ifMatch) {
        if (ifMatch == null || ifMatch.isBlank()) {
            throw new ProblemException(428, "if-match-required", "Precondition Required",
                    "send If-Match with the ETag of the version you changed (GET it first, e.g. If-Match: \"3\")");
        }
        String version = ifMatch.trim().replaceFirst("^W/", "").replace("\"", "");
        if (!version.matches("\\d{1,9}")) {
            throw ProblemException.badRequest("invalid-if-match", "If-Match must be the ETag this resource gave, e.g. \"3\"", List.of());
        }
        return Long.parseLong(version);
    }
}
