package dev.digits.serve;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A fixed pool of worker threads with a bounded queue: work that finds every worker busy and the queue full is
 * refused at once (the caller answers 503), so a burst of requests never piles up without bound. Work already
 * accepted always runs.
 */
public final class WorkQueue implements AutoCloseable {
    private final ThreadPoolExecutor pool;

    public WorkQueue(int threads, int capacity) {
        AtomicInteger n = new AtomicInteger();
        pool = new ThreadPoolExecutor(threads, threads, 0, TimeUnit.SECONDS,
                capacity == 0 ? new SynchronousQueue<>() : new ArrayBlockingQueue<>(capacity), r -> {
                    Thread t = new Thread(r, "digits-worker-" + n.incrementAndGet());
                    t.setDaemon(true);
                    return t;
                }, new ThreadPoolExecutor.AbortPolicy());
    }

    /**
     * Runs {@code work} on a worker and waits for its result.
     *
     * @throws ApiException 503 if every worker is busy and the queue is full
     */
    public <T> T run(Callable<T> work) throws Exception {
        Future<T> future;
        try {
            future = pool.submit(work);
        } catch (RejectedExecutionException e) {
            throw busy();
        }
        try {
            return future.get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof Exception cause) {
                throw cause;
            }
            throw e;
        }
    }

    /**
     * Refuses at once, as {@link #run} would, when every worker is busy and the queue is full: so that a request is
     * turned away before its body is read.
     *
     * @throws ApiException 503 if so
     */
    public void checkRoom() {
        if (pool.getActiveCount() >= pool.getMaximumPoolSize() && pool.getQueue().remainingCapacity() == 0) {
            throw busy();
        }
    }

    private ApiException busy() {
        return new ApiException(503, "the server is busy (" + pool.getActiveCount() + " recognitions running, "
                + pool.getQueue().size() + " waiting); try again shortly");
    }

    /** Work waiting for a worker. */
    public int waiting() {
        return pool.getQueue().size();
    }

    /** Work being done. */
    public int running() {
        return pool.getActiveCount();
    }

    @Override
    public void close() {
        pool.shutdown();
    }
}
