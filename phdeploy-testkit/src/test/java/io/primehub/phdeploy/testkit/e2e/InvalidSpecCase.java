package io.primehub.phdeploy.testkit.e2e;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.primehub.phdeploy.core.Nullable;
import io.primehub.phdeploy.core.model.ImmutablePhDeploymentSpec;
import io.primehub.phdeploy.core.model.PhDeploymentSpec;
import io.primehub.phdeploy.core.model.WireJson;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * One invalid input of the corpus: a deployment name and a spec that the SDK must refuse, and the
 * field its refusal must name.
 *
 * @param title how the case reads in reports
 * @param name the deployment's name
 * @param spec the spec
 * @param field the path of the field a violation must name, as the validator writes paths
 */
record InvalidSpecCase(String title, String name, PhDeploymentSpec spec, String field) {

  /** The name of a deployment whose case is about its spec. */
  static final String VALID_NAME = "spam-classifier-corpus";

  private static final String LISTED = "bad-input/invalid-specs.txt";
  private static final String NAME_TARGET = "@name";
  private static final String ABSENT = "absent";
  private static final String SEPARATOR = " | ";
  private static final String PREDICTOR = "spec.predictors[0].";
  private static final int MAX_TITLE_VALUE = 60;

  /** The listed cases, then the generated oversized ones. */
  static List<InvalidSpecCase> corpus() {
    return Stream.concat(listed().stream(), OversizedSpecs.cases().stream()).toList();
  }

  /** The example deployment's spec, changed by {@code change} on its JSON tree. */
  static PhDeploymentSpec changedFixture(Consumer<ObjectNode> change) {
    ObjectNode tree = WireJson.mapper().valueToTree(Journey.fixture().getSpec());
    change.accept(tree);
    try {
      return WireJson.mapper().treeToValue(tree, PhDeploymentSpec.class);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("the corpus holds a spec the model cannot read: " + tree, e);
    }
  }

  /**
   * Whether the case can be an update of an existing deployment: it is about the spec, and it
   * changes more than the update message (the SDK writes nothing for a message alone).
   */
  boolean appliesToUpdates() {
    return name.equals(VALID_NAME)
        && !withoutMessage(spec).equals(withoutMessage(Journey.fixture().getSpec()));
  }

  /**
   * What part of the spec the case is about: the field without list indexes and map keys, within
   * the predictor, for example {@code spec.env} or {@code spec.predictors[0].metadata}.
   */
  String area() {
    boolean inPredictor = field.startsWith(PREDICTOR);
    String rest = inPredictor ? field.substring(PREDICTOR.length()) : field;
    int index = rest.indexOf('[');
    String head = index < 0 ? rest : rest.substring(0, index);
    return inPredictor ? PREDICTOR + head : head;
  }

  @Override
  public String toString() {
    return title;
  }

  private static List<InvalidSpecCase> listed() {
    InputStream text = InvalidSpecCase.class.getClassLoader().getResourceAsStream(LISTED);
    if (text == null) {
      throw new IllegalStateException(LISTED + " is missing from the test resources");
    }
    List<InvalidSpecCase> cases = new ArrayList<>();
    try (BufferedReader lines =
        new BufferedReader(new InputStreamReader(text, StandardCharsets.UTF_8))) {
      int number = 0;
      for (String line = lines.readLine(); line != null; line = lines.readLine()) {
        number++;
        if (!line.isBlank() && !line.startsWith("#")) {
          cases.add(parse(LISTED + ":" + number, line));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return cases;
  }

  private static InvalidSpecCase parse(String source, String line) {
    int first = line.indexOf(SEPARATOR);
    int last = line.lastIndexOf(SEPARATOR);
    if (first < 0 || first == last) {
      throw new IllegalArgumentException(source + ": expected <where> | <value> | <field>");
    }
    String target = line.substring(0, first).strip();
    String valueText = line.substring(first + SEPARATOR.length(), last).strip();
    String field = line.substring(last + SEPARATOR.length()).strip();
    JsonNode value = valueText.equals(ABSENT) ? null : json(source, valueText);
    String title = source + " " + target + " = " + shortened(valueText);
    if (target.equals(NAME_TARGET)) {
      return new InvalidSpecCase(title, value.textValue(), Journey.fixture().getSpec(), field);
    }
    return new InvalidSpecCase(
        title, VALID_NAME, changedFixture(tree -> put(tree, JsonPointer.compile(target), value)),
        field);
  }

  /** Puts the value at the pointer, appending to a list at its size; removes it when null. */
  private static void put(ObjectNode tree, JsonPointer pointer, @Nullable JsonNode value) {
    JsonNode parent = tree.at(pointer.head());
    String property = pointer.last().getMatchingProperty();
    if (parent instanceof ObjectNode object) {
      if (value == null) {
        object.remove(property);
      } else {
        object.set(property, value);
      }
    } else if (parent instanceof ArrayNode list && value != null) {
      int index = pointer.last().getMatchingIndex();
      if (index == list.size()) {
        list.add(value);
      } else {
        list.set(index, value);
      }
    } else {
      throw new IllegalArgumentException("the fixture's spec has no place " + pointer);
    }
  }

  private static JsonNode json(String source, String text) {
    try {
      return WireJson.mapper().readTree(text);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException(source + ": the value is not JSON: " + text, e);
    }
  }

  private static String shortened(String value) {
    return value.length() <= MAX_TITLE_VALUE
        ? value
        : value.substring(0, MAX_TITLE_VALUE) + "… (" + value.length() + " characters)";
  }

  private static PhDeploymentSpec withoutMessage(PhDeploymentSpec spec) {
    return ImmutablePhDeploymentSpec.copyOf(spec).withUpdateMessage(null);
  }
}
