package io.primehub.phdeploy.core.validation;

import com.fasterxml.jackson.annotation.JsonSetter;
import com.fasterxml.jackson.annotation.Nulls;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.type.LogicalType;
import io.primehub.phdeploy.core.Nullable;
import io.primehub.phdeploy.core.model.PhDeploymentSpec;
import io.primehub.phdeploy.core.model.WireJson;
import java.io.IOException;
import java.util.List;

/**
 * Reads the {@code spec} of a {@code PhDeployment} object from its raw JSON. Objects come from a
 * cluster, where a user or an older tool may have written anything; this reader turns any of
 * them into either the model or an {@link InvalidSpecException} that names the offending field,
 * so that one malformed object can be marked failed instead of breaking whoever reads it.
 *
 * <p>Fields this version does not know are ignored, so that objects written by a newer version
 * still read. A {@code null} field is taken as absent, as Kubernetes itself does; a {@code null}
 * inside a list or map is refused. Numbers and booleans must be JSON numbers and booleans, not
 * strings or numbers that look like them; a string field accepts a number or boolean as its
 * text, as YAML writers often leave {@code 20} unquoted where a string is meant.
 */
public final class SpecReader {

  private static final ObjectReader READER = tolerantMapper().readerFor(PhDeploymentSpec.class);

  private SpecReader() {}

  /**
   * The spec of the deployment {@code name}, read from {@code specNode}.
   *
   * @param name the object's {@code metadata.name}, for the exception's message
   * @param specNode the object's {@code spec}; null or a JSON null when the object has none
   * @throws InvalidSpecException when the node does not match the schema, with one violation at
   *     the JSON path of the offending field; never any other exception
   */
  public static PhDeploymentSpec read(String name, @Nullable JsonNode specNode) {
    if (specNode == null || specNode.isMissingNode() || specNode.isNull()) {
      throw invalid(name, new Violation(FieldPath.SPEC.text(), "is missing; a PhDeployment"
          + " needs a spec with displayName, groupName and predictors"));
    }
    try {
      return READER.readValue(specNode);
    } catch (JsonMappingException e) {
      throw invalid(name, SchemaMismatch.violation(e, specNode));
    } catch (IOException | RuntimeException e) {
      // The model's builders and fabric8's classes may refuse what Jackson let through; whatever
      // the cause, the object is unreadable, and that is the object's fault, not the caller's.
      throw invalid(name, SchemaMismatch.unreadable(e));
    }
  }

  private static InvalidSpecException invalid(String name, Violation violation) {
    return new InvalidSpecException(name, List.of(violation));
  }

  private static ObjectMapper tolerantMapper() {
    ObjectMapper mapper = WireJson.mapper().copy()
        .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false)
        .configure(DeserializationFeature.ACCEPT_FLOAT_AS_INT, false);
    mapper.setDefaultSetterInfo(JsonSetter.Value.construct(Nulls.SKIP, Nulls.FAIL));
    for (LogicalType strict :
        List.of(LogicalType.Integer, LogicalType.Float, LogicalType.Boolean)) {
      mapper.coercionConfigFor(strict).setCoercion(CoercionInputShape.String, CoercionAction.Fail);
    }
    mapper.coercionConfigFor(LogicalType.Boolean)
        .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail);
    return mapper;
  }
}
