package io.capexwatch.localinfra;

import java.nio.file.Path;

/** Child JVMs run on the same Java as their parent (the scripts already chose a JDK >= 21). */
final class Jvm {
    private Jvm() {
    }

    static String javaExecutable() {
        return ProcessHandle.current().info().command()
                .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    }
}
