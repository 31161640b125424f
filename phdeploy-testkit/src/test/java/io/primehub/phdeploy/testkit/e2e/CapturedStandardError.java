package io.primehub.phdeploy.testkit.e2e;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/**
 * Copies what this process writes to standard error, where slf4j-simple logs, while it is open:
 * the in-process controller's and the SDK's log lines, so that a test can search them. The
 * output still reaches the original stream. slf4j-simple looks {@code System.err} up on every
 * line (unless configured to cache it), which is why swapping it catches the loggers made
 * before.
 */
final class CapturedStandardError implements AutoCloseable {

  private final PrintStream original = System.err;
  private final ByteArrayOutputStream copy = new ByteArrayOutputStream();

  private CapturedStandardError() {
    OutputStream tee = new OutputStream() {
      @Override
      public void write(int b) {
        synchronized (copy) {
          copy.write(b);
        }
        original.write(b);
      }

      @Override
      public void write(byte[] bytes, int offset, int length) {
        synchronized (copy) {
          copy.write(bytes, offset, length);
        }
        original.write(bytes, offset, length);
      }

      @Override
      public void flush() {
        original.flush();
      }
    };
    System.setErr(new PrintStream(tee, true, StandardCharsets.UTF_8));
  }

  /** Starts copying standard error. */
  static CapturedStandardError start() {
    return new CapturedStandardError();
  }

  /** What was written so far. */
  String text() {
    System.err.flush();
    synchronized (copy) {
      return copy.toString(StandardCharsets.UTF_8);
    }
  }

  /** Puts the original standard error back. */
  @Override
  public void close() {
    System.err.flush();
    System.setErr(original);
  }
}
