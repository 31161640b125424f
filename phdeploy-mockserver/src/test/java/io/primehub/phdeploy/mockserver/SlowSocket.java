package io.primehub.phdeploy.mockserver;

import io.fabric8.mockwebserver.http.RecordedRequest;
import io.fabric8.mockwebserver.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * A server's socket whose sends wait until {@link #release()}, as a send waits for an event loop
 * that is busy, and which records what it sent and which sends were given up.
 */
final class SlowSocket implements WebSocket {

  private static final long WAIT_SECONDS = 5;

  private final CountDownLatch released = new CountDownLatch(1);
  private final CountDownLatch sending = new CountDownLatch(1);
  private final Semaphore ended = new Semaphore(0);
  private final List<String> sent = new CopyOnWriteArrayList<>();
  private volatile boolean closed;

  void release() {
    released.countDown();
  }

  /** Whether a send started within a few seconds. */
  boolean awaitSending() throws InterruptedException {
    return sending.await(WAIT_SECONDS, TimeUnit.SECONDS);
  }

  /** Whether {@code count} sends ended, made or given up, within a few seconds. */
  boolean awaitEnded(int count) throws InterruptedException {
    return awaitEnded(count, WAIT_SECONDS * 1000);
  }

  /** Whether {@code count} sends ended, made or given up, within {@code millis}. */
  boolean awaitEnded(int count, long millis) throws InterruptedException {
    return ended.tryAcquire(count, millis, TimeUnit.MILLISECONDS);
  }

  List<String> sent() {
    return sent;
  }

  boolean closed() {
    return closed;
  }

  @Override
  public RecordedRequest request() {
    return null;
  }

  @Override
  public boolean send(String text) {
    sending.countDown();
    try {
      released.await();
      sent.add(text);
      return true;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    } finally {
      ended.release();
    }
  }

  @Override
  public boolean send(byte[] bytes) {
    return send(new String(bytes, StandardCharsets.UTF_8));
  }

  @Override
  public boolean close(int code, String reason) {
    closed = true;
    return true;
  }
}
