package io.primehub.phdeploy.core.validation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.primehub.phdeploy.core.model.AccessType;
import io.primehub.phdeploy.core.model.PhDeploymentSpec;
import io.primehub.phdeploy.core.model.Predictor;
import io.primehub.phdeploy.core.model.WireJson;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class SpecReaderTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String VALID = """
      {"displayName": "spam classifier", "groupName": "phusers",
       "predictors": [{"name": "predictor1", "replicas": 2,
                       "modelImage": "registry.example/spam:1.0", "instanceType": "cpu-only"}]}""";

  @Test
  void readsTheSpecificationsExample() {
    PhDeploymentSpec spec = SpecReader.read(Specs.NAME, Specs.fixtureObject().get("spec"));

    assertThat(spec.displayName()).isEqualTo("spam classifier");
    assertThat(spec.groupName()).isEqualTo("phusers");
    Predictor predictor = spec.predictor();
    assertThat(predictor.replicas()).isEqualTo(2);
    assertThat(predictor.modelImage()).isEqualTo("sandhya1594/spam-classifier:1.0.0.1");
    assertThat(predictor.metadata()).containsEntry("ACCURACY", "0.98").hasSize(3);
  }

  @Test
  void readsWhatItWrites() {
    PhDeploymentSpec spec = Specs.clients(Specs.clients(2)).apply(Specs.valid());

    assertThat(SpecReader.read(Specs.NAME, WireJson.mapper().valueToTree(spec))).isEqualTo(spec);
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', textBlock = """
      "predictors": [{"name": "p", "replicas": "two"}] | spec.predictors[0].replicas | expected a whole number, got "two"
      "predictors": [{"name": "p", "replicas": 2.5}] | spec.predictors[0].replicas | expected a whole number, got 2.5
      "predictors": [{"name": "p", "replicas": "2"}] | spec.predictors[0].replicas | expected a whole number, got "2"
      "predictors": [{"replicas": 99999999999}] | spec.predictors[0].replicas | cannot be read: Numeric value (99999999999) out of range of int (-2147483648 - 2147483647)
      "predictors": "p" | spec.predictors | expected a list, got "p"
      "predictors": {"name": "p"} | spec.predictors | expected a list, got an object
      "predictors": [null] | spec.predictors[0] | expected an object, got null
      "predictors": [["p"]] | spec.predictors[0] | expected an object, got a list
      "predictors": [{"metadata": {"ACCURACY": [1]}}] | spec.predictors[0].metadata["ACCURACY"] | expected a string, got a list
      "predictors": [{"metadata": {"A B": null}}] | spec.predictors[0].metadata["A B"] | expected a string, got null
      "predictors": [{"metadata": ["ACCURACY"]}] | spec.predictors[0].metadata | expected an object, got a list
      "displayName": {"en": "spam"} | spec.displayName | expected a string, got an object
      "stop": "yes" | spec.stop | expected true or false, got "yes"
      "stop": 1 | spec.stop | expected true or false, got 1
      "endpoint": {"accessType": "secret"} | spec.endpoint.accessType | expected one of public, private, got "secret"
      "endpoint": "private" | spec.endpoint | expected an object, got "private"
      "endpoint": {"clients": [{"name": ["ci"]}]} | spec.endpoint.clients[0].name | expected a string, got a list
      "env": "A=1" | spec.env | expected a list, got "A=1"
      "env": [{"name": "A", "value": {"v": 1}}] | spec.env[0].value | expected a string, got an object
      "env": [{"name": "A", "valueFrom": {"secretKeyRef": {"optional": "no"}}}] | spec.env[0].valueFrom.secretKeyRef.optional | expected true or false, got "no"
      "env": [{"name": "A", "valueFrom": {"resourceFieldRef": {"divisor": [1]}}}] | spec.env[0].valueFrom.resourceFieldRef.divisor | cannot be read: Invalid quantity string format passed.
      """)
  void namesTheFieldThatDoesNotMatchTheSchema(String field, String path, String message)
      throws JsonProcessingException {
    ObjectNode spec = (ObjectNode) JSON.readTree(VALID);
    spec.setAll((ObjectNode) JSON.readTree("{" + field + "}"));

    assertThatThrownBy(() -> SpecReader.read("spam", spec))
        .isInstanceOfSatisfying(InvalidSpecException.class, e -> {
          assertThat(e.violations()).containsExactly(new Violation(path, message));
          assertThat(e.getMessage()).startsWith("invalid PhDeployment \"spam\": 1 problem\n");
        });
  }

  @Test
  void aSpecThatIsNotAnObjectIsReportedAtSpec() {
    assertThatThrownBy(() -> SpecReader.read("spam", JSON.readTree("[1, 2]")))
        .isInstanceOfSatisfying(InvalidSpecException.class, e -> assertThat(e.violations())
            .containsExactly(new Violation("spec", "expected an object, got a list")));
  }

  @Test
  void aMissingSpecIsReportedAtSpec() {
    JsonNode[] missingSpecs = {null, NullNode.getInstance(), MissingNode.getInstance()};
    for (JsonNode missing : missingSpecs) {
      assertThatThrownBy(() -> SpecReader.read("spam", missing))
          .isInstanceOfSatisfying(InvalidSpecException.class, e -> assertThat(e.violations())
              .singleElement()
              .satisfies(violation -> {
                assertThat(violation.path()).isEqualTo("spec");
                assertThat(violation.message()).startsWith("is missing");
              }));
    }
  }

  @Test
  void nullPredictorsReadAsNoneAndTheValidatorSaysSo() throws JsonProcessingException {
    PhDeploymentSpec spec = SpecReader.read("spam",
        JSON.readTree("{\"displayName\": \"d\", \"groupName\": \"g\", \"predictors\": null}"));

    assertThat(spec.predictors()).isEmpty();
    assertThat(SpecValidator.withDefaults().validate("spam", spec))
        .extracting(Violation::path).containsExactly("spec.predictors");
  }

  @Test
  void nullFieldsReadAsAbsent() throws JsonProcessingException {
    ObjectNode node = (ObjectNode) JSON.readTree(VALID);
    node.putNull("stop").putNull("description").putNull("endpoint");
    ((ObjectNode) node.get("predictors").get(0)).putNull("replicas");

    PhDeploymentSpec spec = SpecReader.read("spam", node);

    assertThat(spec.stop()).isFalse();
    assertThat(spec.description()).isNull();
    assertThat(spec.accessType()).isEqualTo(AccessType.PUBLIC);
    assertThat(spec.predictor().replicas()).isEqualTo(Predictor.DEFAULT_REPLICAS);
  }

  @Test
  void toleratesFieldsItDoesNotKnow() throws JsonProcessingException {
    ObjectNode node = (ObjectNode) JSON.readTree(VALID);
    node.put("schedule", "nightly").putObject("autoscaling").put("maxReplicas", 5);
    ((ObjectNode) node.get("predictors").get(0)).put("runtime", "triton");
    node.putObject("endpoint").put("accessType", "private").put("rateLimit", 10);

    PhDeploymentSpec spec = SpecReader.read("spam", node);

    assertThat(spec.predictor().modelImage()).isEqualTo("registry.example/spam:1.0");
    assertThat(spec.accessType()).isEqualTo(AccessType.PRIVATE);
  }

  @Test
  void acceptsScalarsWhereStringsAreExpected() throws JsonProcessingException {
    PhDeploymentSpec spec = SpecReader.read("spam", JSON.readTree(
        "{\"displayName\": 42, \"predictors\": [{\"metadata\": {\"MINI_BATCH\": 20}}]}"));

    assertThat(spec.displayName()).isEqualTo("42");
    assertThat(spec.predictor().metadata()).isEqualTo(Map.of("MINI_BATCH", "20"));
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "1", "\"spec\"", "true", "{\"predictors\": [[[]]]}", "{\"env\": [[]]}",
      "{\"env\": [{\"valueFrom\": {\"fieldRef\": []}}]}", "{\"endpoint\": {\"clients\": 1}}",
      "{\"endpoint\": {\"accessType\": {}}}", "{\"predictors\": [{\"metadata\": 1}]}",
      "{\"stop\": 0}", "{\"predictors\": [{\"replicas\": -1e999}]}",
      "{\"predictors\": [{\"replicas\": 1}, 1, null, \"x\"]}"})
  void neverThrowsAnythingButInvalidSpecException(String json) {
    JsonNode node;
    try {
      node = JSON.readTree(json);
    } catch (JsonProcessingException e) {
      throw new AssertionError(e);
    }

    assertThatThrownBy(() -> SpecReader.read("spam", node))
        .isExactlyInstanceOf(InvalidSpecException.class);
  }
}
