package io.capexwatch.verdict;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.IntFunction;

/** Tasks on their own threads, released at the same moment: what two replicas (or a redelivery) do to one company. */
public final class AtOnce {
    /** One task; may throw anything (VertxContextSupport.subscribeAndAwait throws Throwable). */
    @FunctionalInterface
    public interface Task<T> {
        T call() throws Throwable;
    }

    private AtOnce() {
    }

    /** Runs {@code count} tasks, task {@code i} from {@code task.apply(i)}; their results in that order. */
    public static <T> List<T> run(int count, IntFunction<Task<T>> task) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(count);
        try {
            CyclicBarrier start = new CyclicBarrier(count);
            List<Future<T>> futures = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                Task<T> each = task.apply(i);
                futures.add(pool.submit(() -> {
                    start.await(10, TimeUnit.SECONDS);
                    try {
                        return each.call();
                    } catch (Exception e) {
                        throw e;
                    } catch (Throwable e) {
                        throw new IllegalStateException(e);
                    }
                }));
            }
            List<T> results = new ArrayList<>();
            for (Future<T> future : futures) {
                results.add(future.get(60, TimeUnit.SECONDS));
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }
}
