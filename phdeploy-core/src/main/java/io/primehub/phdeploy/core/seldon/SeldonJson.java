package io.primehub.phdeploy.core.seldon;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Reads and writes {@link SeldonMessage}s as JSON with a plain Jackson mapper. Whatever is not a
 * well-formed message fails with an {@link IllegalArgumentException} whose message a prediction
 * endpoint can answer with {@code 400} as it is: what is wrong, and where.
 */
public final class SeldonJson {

  // Strict like Seldon's own engine: trailing text and unknown fields are errors, not ignored.
  private static final ObjectMapper MAPPER =
      JsonMapper.builder().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS).build();

  // Jackson names a nested location as "[Source: REDACTED (...); line: 1, column: 10]".
  private static final Pattern SOURCE_REFERENCE =
      Pattern.compile("\\[Source: [^;]*; (line: \\d+, column: \\d+)]");

  private SeldonJson() {}

  /**
   * Reads a message from UTF-8 JSON.
   *
   * @throws IllegalArgumentException if the bytes are not a well-formed message
   */
  public static SeldonMessage read(byte[] json) {
    JsonNode tree;
    try {
      tree = MAPPER.readTree(json);
    } catch (IOException e) {
      throw malformed(syntaxError(e), e);
    }
    if (!tree.isObject()) {
      throw malformed("a message is a JSON object, got "
          + (tree.isMissingNode() ? "nothing" : NdArrays.describe(tree)), null);
    }
    try {
      return MAPPER.treeToValue(tree, SeldonMessage.class);
    } catch (JsonMappingException e) {
      throw malformed(mappingError(e), e);
    } catch (JsonProcessingException e) {
      throw malformed(e.getOriginalMessage(), e);
    }
  }

  /**
   * Reads a message from JSON text.
   *
   * @throws IllegalArgumentException if the text is not a well-formed message
   */
  public static SeldonMessage read(String json) {
    return read(json.getBytes(StandardCharsets.UTF_8));
  }

  /** Writes a message as JSON text. */
  public static String write(SeldonMessage message) {
    try {
      return MAPPER.writeValueAsString(message);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("cannot write the Seldon message", e);
    }
  }

  /** A value as a JSON tree, for building messages from Java values. */
  static JsonNode toTree(Object value) {
    return MAPPER.valueToTree(value);
  }

  private static IllegalArgumentException malformed(String problem, Throwable cause) {
    return new IllegalArgumentException("malformed Seldon message: " + problem, cause);
  }

  private static String syntaxError(IOException e) {
    if (e instanceof JsonProcessingException json && json.getLocation() != null) {
      String problem = SOURCE_REFERENCE.matcher(json.getOriginalMessage()).replaceAll("$1");
      return problem + " (line " + json.getLocation().getLineNr()
          + ", column " + json.getLocation().getColumnNr() + ")";
    }
    return e.getMessage();
  }

  /**
   * Where in the message the problem is, and what it is, in the message's own terms where
   * Jackson's would name the generated classes.
   */
  private static String mappingError(JsonMappingException e) {
    List<JsonMappingException.Reference> where = e.getPath();
    String problem;
    if (e instanceof UnrecognizedPropertyException unknown) {
      // The path ends at the unknown field, which the problem names already.
      where = where.subList(0, Math.max(0, where.size() - 1));
      problem = "unknown field '" + unknown.getPropertyName() + "'";
    } else if (e.getCause() instanceof NullPointerException missing) {
      problem = "null is not allowed (" + missing.getMessage() + ")";
    } else if (e.getCause() instanceof IllegalArgumentException invalid) {
      problem = invalid.getMessage();
    } else {
      problem = e.getOriginalMessage();
    }
    return where.isEmpty() ? problem : "at " + path(where) + ": " + problem;
  }

  /** A path as a person writes it: {@code data.tensor.values[2]}. */
  private static String path(List<JsonMappingException.Reference> references) {
    return references.stream()
        .map(ref -> ref.getFieldName() != null ? "." + ref.getFieldName() : "[" + ref.getIndex() + "]")
        .collect(Collectors.joining())
        .substring(1);
  }
}
