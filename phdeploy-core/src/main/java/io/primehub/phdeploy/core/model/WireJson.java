package io.primehub.phdeploy.core.model;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.CharacterEscapes;
import com.fasterxml.jackson.core.io.SerializedString;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.io.OutputStream;

/**
 * The JSON form of the model as it is stored on the wire, in one canonical spelling (map keys
 * sorted), so that sizes and fingerprints computed in different places agree.
 */
public final class WireJson {

  private static final ObjectMapper MAPPER =
      JsonMapper.builder().enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS).build();

  /**
   * The writer of the JSON the Kubernetes API server stores, for sizes. The order of a map's
   * keys changes no size, so they are written as they come rather than sorted into a new map.
   */
  private static final ObjectWriter AS_STORED = MAPPER.writer().with(new GoEscapes())
      .without(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);

  private WireJson() {}

  /** The shared mapper; thread-safe, do not reconfigure it. */
  public static ObjectMapper mapper() {
    return MAPPER;
  }

  /** The canonical JSON bytes of a model value. */
  public static byte[] bytes(Object value) {
    try {
      return MAPPER.writeValueAsBytes(value);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("cannot write " + value.getClass().getSimpleName(), e);
    }
  }

  /**
   * The size in bytes of a model value's JSON as the Kubernetes API server stores it: the
   * canonical JSON with {@code <}, {@code >}, {@code &}, U+2028 and U+2029 escaped as
   * {@code \u003c} and the like, six bytes each, as Go's encoding/json writes them. Custom
   * resources are stored in etcd as that JSON, so a cap counted in these bytes holds there,
   * while a cap counted in canonical bytes could be exceeded sixfold by a value full of
   * {@code &}.
   */
  public static int byteSize(Object value) {
    ByteCounter counter = new ByteCounter();
    try {
      AS_STORED.writeValue(counter, value);
    } catch (IOException e) {
      throw new IllegalArgumentException("cannot write " + value.getClass().getSimpleName(), e);
    }
    return counter.count;
  }

  /**
   * Counts the bytes written to it and keeps none: a controller sums the sizes of every history
   * record of every deployment it reads, and need not hold any of them as bytes.
   */
  private static final class ByteCounter extends OutputStream {

    private int count;

    @Override
    public void write(int b) {
      count++;
    }

    @Override
    public void write(byte[] bytes, int offset, int length) {
      count += length;
    }
  }

  /** The characters Go's encoding/json escapes beyond what JSON requires. */
  private static final class GoEscapes extends CharacterEscapes {

    private static final long serialVersionUID = 1L;
    private static final int LINE_SEPARATOR = 0x2028;
    private static final int PARAGRAPH_SEPARATOR = 0x2029;

    private final int[] asciiEscapes = standardAsciiEscapesForJSON();

    GoEscapes() {
      for (char c : new char[] {'<', '>', '&'}) {
        asciiEscapes[c] = ESCAPE_STANDARD;
      }
    }

    @Override
    public int[] getEscapeCodesForAscii() {
      return asciiEscapes;
    }

    @Override
    public SerializableString getEscapeSequence(int ch) {
      return ch == LINE_SEPARATOR || ch == PARAGRAPH_SEPARATOR
          ? new SerializedString(String.format("\\u%04x", ch))
          : null;
    }
  }
}
