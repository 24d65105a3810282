package io.capexwatch.localinfra;

import java.util.concurrent.TimeUnit;

/** Stopping the child processes local-infra starts. */
public final class ChildProcesses {
    private ChildProcesses() {
    }

    /** SIGTERM for a graceful stop; SIGKILL if it is still running after {@code graceSeconds}. */
    public static void stop(Process process, int graceSeconds) {
        process.destroy();
        try {
            if (!process.waitFor(graceSeconds, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }
}
