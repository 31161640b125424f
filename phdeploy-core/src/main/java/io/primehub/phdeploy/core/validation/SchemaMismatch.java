package io.primehub.phdeploy.core.validation;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import io.primehub.phdeploy.core.Nullable;
import java.util.Arrays;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Turns Jackson's account of a value that does not fit the model into a violation a person can
 * act on: the JSON path of the field, what the schema expects there and what the object holds.
 * Jackson's own messages name Java classes, which mean nothing to the person who wrote the YAML.
 */
final class SchemaMismatch {

  private SchemaMismatch() {}

  /** The violation of the field that {@code e} failed on, within {@code spec}. */
  static Violation violation(JsonMappingException e, JsonNode spec) {
    FieldPath path = FieldPath.SPEC;
    JsonNode found = spec;
    for (JsonMappingException.Reference reference : e.getPath()) {
      if (reference.getFieldName() == null) {
        path = path.index(reference.getIndex());
        found = found == null ? null : found.get(reference.getIndex());
      } else {
        // A map's entries are named by key, a bean's properties by name.
        path = reference.getFrom() instanceof Map
            ? path.key(reference.getFieldName())
            : path.child(reference.getFieldName());
        found = found == null ? null : found.get(reference.getFieldName());
      }
    }
    String got = describe(found);
    String message = expected(e)
        .filter(expected -> !expected.equals(got))
        .map(expected -> "expected " + expected + ", got " + got)
        // The shape was right, or the type is not known: only the cause can say what is wrong.
        .orElseGet(() -> "cannot be read: " + cause(e));
    return new Violation(path.text(), message);
  }

  /** The violation of a spec that failed to read for a reason Jackson did not locate. */
  static Violation unreadable(Exception e) {
    return new Violation(FieldPath.SPEC.text(), "cannot be read: " + cause(e)
        + "; fix the object so that it matches the PhDeployment schema");
  }

  private static Optional<String> expected(JsonMappingException e) {
    return targetType(e).map(type -> {
      if (type.isEnum()) {
        return "one of " + Arrays.stream(type.getEnumConstants())
            .map(Object::toString)
            .collect(Collectors.joining(", "));
      }
      if (type == boolean.class || type == Boolean.class) {
        return "true or false";
      }
      if (type == int.class || type == long.class || type == Integer.class || type == Long.class) {
        return "a whole number";
      }
      if (type.isPrimitive() || Number.class.isAssignableFrom(type)) {
        return "a number";
      }
      if (CharSequence.class.isAssignableFrom(type)) {
        return "a string";
      }
      if (Collection.class.isAssignableFrom(type) || type.isArray()) {
        return "a list";
      }
      return "an object";
    });
  }

  private static Optional<Class<?>> targetType(JsonMappingException e) {
    if (e instanceof MismatchedInputException mismatch) {
      return Optional.ofNullable(mismatch.getTargetType());
    }
    if (e instanceof ValueInstantiationException instantiation) {
      return Optional.ofNullable(instantiation.getType()).map(JavaType::getRawClass);
    }
    return Optional.empty();
  }

  /** The first line of the innermost cause's message, without Jackson's reference chain. */
  private static String cause(Exception e) {
    Throwable root = e;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    String message = root instanceof JsonProcessingException jackson
        ? jackson.getOriginalMessage()
        : root.getMessage();
    return message == null
        ? root.getClass().getSimpleName()
        : message.lines().findFirst().orElse(root.getClass().getSimpleName());
  }

  private static String describe(@Nullable JsonNode node) {
    if (node == null || node.isMissingNode()) {
      return "nothing";
    }
    if (node.isTextual()) {
      return Texts.quote(node.textValue());
    }
    if (node.isArray()) {
      return "a list";
    }
    if (node.isObject()) {
      return "an object";
    }
    String scalar = node.asText();
    return scalar.length() <= Texts.MAX_QUOTED_LENGTH ? scalar : "a value too long to show";
  }
}
