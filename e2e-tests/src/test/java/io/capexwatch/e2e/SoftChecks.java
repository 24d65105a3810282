package io.capexwatch.e2e;

import org.junit.jupiter.api.function.Executable;

import java.util.ArrayList;
import java.util.List;

/**
 * Named assertions that all run, each recorded as passed or failed with its message, then fail together: a
 * fault-injection run reports every broken guarantee at once instead of stopping at the first.
 */
final class SoftChecks {
    private final List<String> lines = new ArrayList<>();
    private final List<String> failures = new ArrayList<>();

    /** Runs {@code check} now; an AssertionError (or any exception) is recorded as a failure of {@code name}. */
    boolean check(String name, Executable check) {
        try {
            check.execute();
            lines.add("PASS " + name);
            return true;
        } catch (Throwable e) {
            String message = name + ": " + e.getMessage();
            lines.add("FAIL " + message);
            failures.add(message);
            return false;
        }
    }

    int failed() {
        return failures.size();
    }

    /** Every check, one a line, "PASS name" or "FAIL name: why". */
    String report() {
        return String.join("\n", lines);
    }

    /** Throws one AssertionError listing every failed check. */
    void assertAllPassed() {
        if (!failures.isEmpty()) {
            throw new AssertionError(failures.size() + " of " + lines.size() + " checks failed:\n  - "
                    + String.join("\n  - ", failures));
        }
    }
}
