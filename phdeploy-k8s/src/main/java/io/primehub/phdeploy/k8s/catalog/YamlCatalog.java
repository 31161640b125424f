package io.primehub.phdeploy.k8s.catalog;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DatabindException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.primehub.phdeploy.core.Nullable;
import io.primehub.phdeploy.core.catalog.Catalog;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Objects;
import java.util.stream.Collectors;
import org.yaml.snakeyaml.error.MarkedYAMLException;

/**
 * Reads and writes the YAML catalog format of {@code catalog.yaml}: a list of {@code groups} and
 * a list of {@code instanceTypes}. Reading is strict, because a catalog is written by hand and a
 * mistake in it decides which deployments may run: an unknown or repeated field, a value of the
 * wrong type, a quantity Kubernetes cannot read, a blank or repeated name and a request above its
 * limit are all errors. A malformed document is reported at the line, column and field of its
 * first mistake; a well-formed one that breaks the rules of a catalog, with every field that does.
 */
public final class YamlCatalog {

  private static final YAMLMapper MAPPER =
      YAMLMapper.builder()
          .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
          .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
          .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
          .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
          .build();

  private YamlCatalog() {}

  /**
   * Reads a catalog and checks that it is one the controller can decide with.
   *
   * @throws IllegalArgumentException with a message that names the line, column and field of a
   *     malformed document, or every field that breaks a rule of a valid catalog
   */
  public static Catalog parse(String yaml) {
    Objects.requireNonNull(yaml, "yaml");
    Catalog catalog = read(yaml);
    CatalogRules.check(catalog);
    return catalog;
  }

  /**
   * Records what a source read: the catalog, or the outage of a document that is not a valid
   * catalog.
   */
  static void readInto(LatestAnswer latest, String yaml) {
    try {
      latest.answer(parse(yaml));
    } catch (IllegalArgumentException e) {
      latest.fail(e.getMessage(), e);
    }
  }

  /** Writes a catalog in the format {@link #parse} reads. */
  public static String format(Catalog catalog) {
    Objects.requireNonNull(catalog, "catalog");
    try {
      return MAPPER.writeValueAsString(catalog);
    } catch (JsonProcessingException e) {
      // Every part of a catalog is a plain value that Jackson writes; failing here is a bug.
      throw new IllegalStateException("cannot write a catalog as YAML", e);
    }
  }

  private static Catalog read(String yaml) {
    try (JsonParser parser = MAPPER.createParser(yaml)) {
      JsonToken first = parser.nextToken();
      if (first == null) {
        throw new IllegalArgumentException("the catalog is empty: it holds no YAML document");
      }
      if (first != JsonToken.START_OBJECT) {
        throw new IllegalArgumentException("the catalog must be a mapping with the keys groups"
            + " and instanceTypes, not " + (first == JsonToken.START_ARRAY ? "a list" : "a value"));
      }
      return MAPPER.readValue(parser, Catalog.class);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException(describe(e), e);
    } catch (IOException e) {
      // The parser reads from a string in memory, which cannot fail to be read.
      throw new UncheckedIOException(e);
    }
  }

  private static String describe(JsonProcessingException e) {
    StringBuilder message = new StringBuilder();
    JsonLocation location = e.getLocation();
    if (location != null && location.getLineNr() > 0) {
      message.append("line ").append(location.getLineNr())
          .append(", column ").append(location.getColumnNr());
    }
    String field = e instanceof DatabindException mapping ? fieldPath(mapping) : "";
    if (!field.isEmpty()) {
      message.append(message.length() > 0 ? ", " : "").append("field ").append(field);
    }
    return message.append(message.length() > 0 ? ": " : "").append(problem(e)).toString();
  }

  private static String problem(JsonProcessingException e) {
    if (e instanceof UnrecognizedPropertyException unknown) {
      return "unknown field '" + unknown.getPropertyName() + "'; the fields here are "
          + unknown.getKnownPropertyIds().stream().map(Object::toString).sorted()
              .collect(Collectors.joining(", "));
    }
    MarkedYAMLException syntax = syntaxError(e);
    if (syntax != null) {
      // SnakeYAML's own message repeats the line with a caret; the location is given already.
      return syntax.getContext() == null
          ? syntax.getProblem()
          : syntax.getContext() + ", " + syntax.getProblem();
    }
    if (e instanceof ValueInstantiationException && e.getCause() != null) {
      // The Immutables builder says which attribute is missing or null; Jackson's own wrapper
      // would only name the generated class.
      return e.getCause() instanceof NullPointerException
          ? "an empty value where one is required (" + e.getCause().getMessage() + ")"
          : e.getCause().getMessage();
    }
    return e.getOriginalMessage();
  }

  private static @Nullable MarkedYAMLException syntaxError(Throwable e) {
    for (Throwable cause = e; cause != null; cause = cause.getCause()) {
      if (cause instanceof MarkedYAMLException marked) {
        return marked;
      }
    }
    return null;
  }

  /** The path of the field a mapping error is at, such as {@code groups[0].quota.cpu}. */
  private static String fieldPath(DatabindException e) {
    StringBuilder path = new StringBuilder();
    if (e instanceof JsonMappingException mapping) {
      for (JsonMappingException.Reference reference : mapping.getPath()) {
        if (reference.getFieldName() != null) {
          path.append(path.length() > 0 ? "." : "").append(reference.getFieldName());
        } else if (reference.getIndex() >= 0) {
          path.append('[').append(reference.getIndex()).append(']');
        }
      }
    }
    return path.toString();
  }
}
