package io.primehub.phdeploy.k8s.client;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;

/**
 * Turns the bytes of one pod's log stream into lines. Bytes are buffered until a line break, so
 * that a character split between two network reads is decoded whole.
 */
final class LineSplitter extends OutputStream {

  private final String pod;
  private final Consumer<LogLine> sink;
  private final ByteArrayOutputStream pending = new ByteArrayOutputStream();

  LineSplitter(String pod, Consumer<LogLine> sink) {
    this.pod = pod;
    this.sink = sink;
  }

  @Override
  public synchronized void write(int b) {
    if (b == '\n') {
      emit();
    } else {
      pending.write(b);
    }
  }

  @Override
  public synchronized void write(byte[] bytes, int offset, int length) {
    int start = offset;
    for (int i = offset; i < offset + length; i++) {
      if (bytes[i] == '\n') {
        pending.write(bytes, start, i - start);
        emit();
        start = i + 1;
      }
    }
    pending.write(bytes, start, offset + length - start);
  }

  /** Delivers a last line that ended without a line break. */
  synchronized void finish() {
    if (pending.size() > 0) {
      emit();
    }
  }

  private void emit() {
    String line = pending.toString(StandardCharsets.UTF_8);
    pending.reset();
    // Windows programs end their lines with \r\n; the \r is no part of the line.
    int end = line.endsWith("\r") ? line.length() - 1 : line.length();
    sink.accept(new LogLine(pod, line.substring(0, end)));
  }
}
