package io.primehub.phdeploy.k8s.controller.processing;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.util.zip.DataFormatException;
import java.util.zip.Deflater;
import java.util.zip.Inflater;

/**
 * Compresses documents of one kind with deflate against a preset dictionary: the first document
 * it compresses. Pruned objects of one kind share most of their text (field names, label and
 * annotation keys, images, the owner's kind), which deflate alone cannot exploit in a document
 * of a few hundred bytes; with the first document as the dictionary, what is left to store is
 * mostly what differs (names, uids, versions, hashes). A document that shares nothing with the
 * first is still stored correctly, only less compactly.
 *
 * <p>Each compressed document starts with its length, so that it is inflated in one call into
 * an array of the right size. Thread-safe: each thread reuses a deflater and an inflater of its
 * own, since making one (zlib's state of some hundred kilobytes) costs more than compressing a
 * pruned object.
 */
final class DictionaryCompressor {

  private static final int LENGTH_BYTES = Integer.BYTES;
  private static final ThreadLocal<Deflater> DEFLATERS =
      ThreadLocal.withInitial(() -> new Deflater(Deflater.DEFAULT_COMPRESSION, true));
  private static final ThreadLocal<Inflater> INFLATERS =
      ThreadLocal.withInitial(() -> new Inflater(true));

  private volatile byte[] dictionary;

  /** The document compressed; the first document given becomes the dictionary. */
  byte[] compress(byte[] document) {
    Deflater deflater = DEFLATERS.get();
    try {
      deflater.setDictionary(dictionary(document));
      deflater.setInput(document);
      deflater.finish();
      ByteArrayOutputStream out = new ByteArrayOutputStream(LENGTH_BYTES + document.length / 2);
      out.writeBytes(ByteBuffer.allocate(LENGTH_BYTES).putInt(document.length).array());
      byte[] buffer = new byte[Math.max(64, document.length)];
      while (!deflater.finished()) {
        out.write(buffer, 0, deflater.deflate(buffer));
      }
      return out.toByteArray();
    } finally {
      deflater.reset();
    }
  }

  /** The document that {@link #compress} was given. */
  byte[] decompress(byte[] compressed) {
    byte[] document = new byte[ByteBuffer.wrap(compressed).getInt()];
    Inflater inflater = INFLATERS.get();
    try {
      inflater.setDictionary(dictionary);
      inflater.setInput(compressed, LENGTH_BYTES, compressed.length - LENGTH_BYTES);
      int inflated = inflater.inflate(document);
      if (inflated != document.length) {
        throw new IllegalStateException(
            "a compressed document inflated to " + inflated + " of " + document.length + " bytes");
      }
      return document;
    } catch (DataFormatException e) {
      throw new IllegalStateException("a compressed document is corrupt", e);
    } finally {
      inflater.reset();
    }
  }

  private byte[] dictionary(byte[] first) {
    byte[] chosen = dictionary;
    if (chosen == null) {
      synchronized (this) {
        if (dictionary == null) {
          dictionary = first.clone();
        }
        chosen = dictionary;
      }
    }
    return chosen;
  }
}
