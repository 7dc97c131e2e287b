package io.backupdesk.web.hardening;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.IntFunction;

/** Fires calls at the same moment: every thread waits at one gate that opens when all are ready. */
final class Parallel {

  private Parallel() {}

  /** Runs {@code call(0..n-1)} on n threads released together; the answers in index order. */
  static <T> List<T> run(int n, IntFunction<T> call) {
    var pool = Executors.newFixedThreadPool(n);
    var ready = new CountDownLatch(n);
    var gate = new CountDownLatch(1);
    try {
      var futures = new ArrayList<Future<T>>();
      for (int i = 0; i < n; i++) {
        int index = i;
        Callable<T> task =
            () -> {
              ready.countDown();
              gate.await();
              return call.apply(index);
            };
        futures.add(pool.submit(task));
      }
      ready.await(30, TimeUnit.SECONDS);
      gate.countDown();
      var answers = new ArrayList<T>();
      for (var future : futures) {
        answers.add(future.get(60, TimeUnit.SECONDS));
      }
      return answers;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    } catch (ExecutionException | TimeoutException e) {
      throw new IllegalStateException("A parallel call failed", e);
    } finally {
      pool.shutdownNow();
    }
  }
}
