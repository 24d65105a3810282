package io.capexwatch.verdict.rest;

import io.capexwatch.contracts.problem.ProblemException;

import java.util.List;

/** The version an If-Match header names, for resources whose ETag is their version number ("3"). */
final class IfMatch {
    private IfMatch() {
    }

    /** @return the version, or null without the header (an unconditional change) */
    static Long version(String ifMatch) {
        if (ifMatch == null || ifMatch.isBlank()) {
            return null;
        }
        String version = ifMatch.trim().replaceFirst("^W/", "").replace("\"", "");
        if (!version.matches("\\d{1,9}")) {
            throw ProblemException.badRequest("invalid-if-match", "If-Match must be the ETag this resource gave, e.g. \"3\"", List.of());
        }
        return Long.parseLong(version);
    }
}
