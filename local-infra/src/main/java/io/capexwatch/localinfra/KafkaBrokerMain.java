package io.capexwatch.localinfra;

import java.lang.reflect.Method;
import java.util.Arrays;

/**
 * Entry point of the Kafka child process. It exits as soon as the JVM that started it is gone, so a
 * killed test run or launcher never leaves an orphan broker behind.
 *
 * <p>Arguments: {@code <parent-pid> <main-class> <args...>}; the main class is {@code kafka.Kafka} or
 * {@code kafka.tools.StorageTool}, loaded reflectively because the broker jars exist only on this
 * process's classpath.
 */
public final class KafkaBrokerMain {
    private KafkaBrokerMain() {
    }

    public static void main(String[] args) throws Exception {
        long parentPid = Long.parseLong(args[0]);
        ProcessHandle.of(parentPid).ifPresentOrElse(
                parent -> parent.onExit().thenRun(() -> System.exit(0)),
                () -> System.exit(0));
        Method main = Class.forName(args[1]).getMethod("main", String[].class);
        main.invoke(null, (Object) Arrays.copyOfRange(args, 2, args.length));
    }
}
