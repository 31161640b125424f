package io.primehub.phdeploy.testkit.e2e;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.IntFunction;

/**
 * The oversized cases of the invalid-spec corpus, too long to list: values one past each cap
 * and far past it, lists and maps one past their caps and far past them, and specs whose every
 * field is within its cap but whose whole is over the spec's byte cap.
 */
final class OversizedSpecs {

  /** A well-formed SHA-512 crypt hash, so that only the client list's size is wrong. */
  static final String TOKEN_HASH = "$6$abcdefgh$" + "A".repeat(86);

  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  private static final String PREDICTOR = "spec.predictors[0]";
  private static final String METADATA = PREDICTOR + ".metadata";
  /** Four UTF-8 bytes, one character. */
  private static final String EMOJI = "\uD83D\uDE00";

  private final List<InvalidSpecCase> cases = new ArrayList<>();

  private OversizedSpecs() {}

  static List<InvalidSpecCase> cases() {
    OversizedSpecs sizes = new OversizedSpecs();
    sizes.texts();
    sizes.lists();
    sizes.wholeSpecs();
    return List.copyOf(sizes.cases);
  }

  private void texts() {
    cases.add(new InvalidSpecCase("a name of 1000 characters", "n".repeat(1000),
        Journey.fixture().getSpec(), "metadata.name"));
    text("displayName", 65, "spec.displayName");
    text("displayName", 100_000, "spec.displayName");
    text("description", 2049, "spec.description");
    text("description", 1_000_000, "spec.description");
    text("updateMessage", 1025, "spec.updateMessage");
    text("updateMessage", 100_000, "spec.updateMessage");
    text("groupName", 254, "spec.groupName");
    text("userName", 10_000, "spec.userName");
    text("groupId", 10_000, "spec.groupId");
    predictorText("name", 10_000, PREDICTOR + ".name");
    predictorText("modelImage", 256, PREDICTOR + ".modelImage");
    predictorText("instanceType", 254, PREDICTOR + ".instanceType");
    predictorText("imagePullSecret", 10_000, PREDICTOR + ".imagePullSecret");
    metadataValue(513);
    metadataValue(1_000_000);
  }

  private void lists() {
    metadataEntries(33);
    metadataEntries(10_000);
    env(65, i -> "VAR_" + i, "spec.env");
    env(10_000, i -> "VAR_" + i, "spec.env");
    env(10_000, i -> "SAME", "spec.env[1].name");
    clients(33, i -> "client-" + i, "spec.endpoint.clients");
    clients(1000, i -> "client-" + i, "spec.endpoint.clients");
    clients(100, i -> "same", "spec.endpoint.clients[1].name");
    add("1000 predictors", "spec.predictors", spec -> {
      ArrayNode predictors = (ArrayNode) spec.get("predictors");
      for (int i = 1; i < 1000; i++) {
        predictors.add(((ObjectNode) predictors.get(0).deepCopy()).put("name", "predictor-" + i));
      }
    });
  }

  /** Every field within its own cap, the whole over the spec's cap of 16384 bytes. */
  private void wholeSpecs() {
    add("one env value of 20000 characters", "spec",
        spec -> spec.set("env", NODES.arrayNode().add(variable("BIG", "v".repeat(20_000)))));
    add("64 env values of 300 characters", "spec", spec -> {
      ArrayNode env = spec.putArray("env");
      for (int i = 0; i < 64; i++) {
        env.add(variable("VAR_" + i, "v".repeat(300)));
      }
    });
    add("32 metadata values of 512 characters", "spec", spec -> {
      ObjectNode metadata = predictor(spec).putObject("metadata");
      for (int i = 0; i < 32; i++) {
        metadata.put("KEY_" + i, "m".repeat(512));
      }
    });
    add("a model URI of 20000 characters", "spec",
        spec -> predictor(spec).put("modelURI", "s3://bucket/" + "u".repeat(20_000)));
    add("description and update message of four-byte characters", "spec", spec -> spec
        .put("description", EMOJI.repeat(2048))
        .put("updateMessage", EMOJI.repeat(1024)));
    add("description and update message of escaped control characters", "spec", spec -> spec
        .put("description", "\u0001".repeat(2048))
        .put("updateMessage", "\u0001".repeat(1024)));
  }

  private void text(String field, int length, String path) {
    add(field + " of " + length + " characters", path, spec -> spec.put(field, "a".repeat(length)));
  }

  private void predictorText(String field, int length, String path) {
    add("predictor " + field + " of " + length + " characters", path,
        spec -> predictor(spec).put(field, "a".repeat(length)));
  }

  private void metadataValue(int length) {
    add("a metadata value of " + length + " characters", METADATA + "[\"ACCURACY\"]",
        spec -> ((ObjectNode) predictor(spec).get("metadata")).put("ACCURACY", "9".repeat(length)));
  }

  private void metadataEntries(int count) {
    add(count + " metadata entries", METADATA, spec -> {
      ObjectNode metadata = predictor(spec).putObject("metadata");
      for (int i = 0; i < count; i++) {
        metadata.put("KEY_" + i, "1");
      }
    });
  }

  private void env(int count, IntFunction<String> name, String path) {
    add(count + " env variables named like " + name.apply(0), path, spec -> {
      ArrayNode env = spec.putArray("env");
      for (int i = 0; i < count; i++) {
        env.add(variable(name.apply(i), "1"));
      }
    });
  }

  private void clients(int count, IntFunction<String> name, String path) {
    add(count + " endpoint clients named like " + name.apply(0), path, spec -> {
      ArrayNode clients = spec.putObject("endpoint").put("accessType", "private")
          .putArray("clients");
      for (int i = 0; i < count; i++) {
        clients.addObject().put("name", name.apply(i)).put("token", TOKEN_HASH);
      }
    });
  }

  private void add(String title, String path, Consumer<ObjectNode> change) {
    cases.add(new InvalidSpecCase(title, InvalidSpecCase.VALID_NAME,
        InvalidSpecCase.changedFixture(change), path));
  }

  private static ObjectNode variable(String name, String value) {
    return NODES.objectNode().put("name", name).put("value", value);
  }

  private static ObjectNode predictor(ObjectNode spec) {
    return (ObjectNode) spec.get("predictors").get(0);
  }
}
