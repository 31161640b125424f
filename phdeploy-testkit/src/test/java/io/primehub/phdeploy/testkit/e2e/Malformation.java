package io.primehub.phdeploy.testkit.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.primehub.phdeploy.core.model.FailureReason;
import io.primehub.phdeploy.core.model.WireJson;
import io.primehub.phdeploy.k8s.resource.PhDeploymentCrd;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.IntFunction;

/**
 * A way a PhDeployment object in the cluster can fail to match the schema, as a raw client
 * (kubectl with validation off, an older tool, a hand-written manifest) can write it: what to do
 * to the example object, and the field its Failed status must name.
 *
 * @param title how the case reads in reports
 * @param kind the class of bad input, for the tally
 * @param field the field the status message names
 * @param breakObject what to do to the example object's JSON
 */
record Malformation(String title, String kind, String field, Consumer<ObjectNode> breakObject) {

  static final String WRONG_TYPE = "wrong type";
  static final String MISSING_SPEC = "missing spec";
  static final String NO_PREDICTORS = "missing or empty predictors";
  static final String UNKNOWN_FIELDS = "unknown fields beside a wrong value";
  static final String OVERSIZED = "oversized value";

  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  private static final String PREDICTOR = "spec.predictors[0]";

  /** Every malformation this suite puts in the cluster. */
  static List<Malformation> all() {
    return List.of(
        predictorField("replicas as a word", "replicas", NODES.textNode("two")),
        predictorField("replicas as a fraction", "replicas", NODES.numberNode(2.5)),
        predictorField("replicas as a boolean", "replicas", NODES.booleanNode(true)),
        predictorField("replicas as an object", "replicas", NODES.objectNode()),
        predictorField("replicas as a list", "replicas", NODES.arrayNode().add(2)),
        predictorField("replicas beyond a whole number's range", "replicas",
            NODES.numberNode(1_000_000_000_000L)),
        specField("stop as a word", "stop", NODES.textNode("yes")),
        specField("stop as a number", "stop", NODES.numberNode(1)),
        specField("displayName as an object", "displayName", NODES.objectNode().put("en", "x")),
        specField("displayName as a list", "displayName", NODES.arrayNode().add("x")),
        specField("predictors as a word", "predictors", NODES.textNode("predictor1")),
        specField("predictors as an object", "predictors", NODES.objectNode()),
        specField("predictors holding a word", "predictors", NODES.arrayNode().add("p")),
        specField("predictors holding null", "predictors", NODES.arrayNode().addNull()),
        predictorField("predictor name as an object", "name", NODES.objectNode()),
        predictorField("model image as a list", "modelImage", NODES.arrayNode()),
        predictorField("instance type as an object", "instanceType", NODES.objectNode()),
        predictorField("metadata as a list", "metadata", NODES.arrayNode().add("a")),
        predictorField("a metadata value as an object", "metadata",
            NODES.objectNode().set("k", NODES.objectNode())),
        predictorField("a metadata value of null", "metadata", NODES.objectNode().putNull("k")),
        specField("env as an object", "env", NODES.objectNode().put("A", "B")),
        specField("env as a word", "env", NODES.textNode("A=B")),
        specField("an env value as an object", "env",
            NODES.arrayNode().add(NODES.objectNode().put("name", "A").putObject("value"))),
        specField("env holding null", "env", NODES.arrayNode().addNull()),
        specField("an env valueFrom as a word", "env",
            NODES.arrayNode().add(NODES.objectNode().put("name", "A").put("valueFrom", "s"))),
        specField("endpoint as a word", "endpoint", NODES.textNode("private")),
        specField("an unknown access type", "endpoint",
            NODES.objectNode().put("accessType", "secret")),
        specField("endpoint clients as a word", "endpoint",
            NODES.objectNode().put("clients", "app")),
        new Malformation("spec removed", MISSING_SPEC, "spec", object -> object.remove("spec")),
        new Malformation("spec null", MISSING_SPEC, "spec", object -> object.putNull("spec")),
        new Malformation("spec as a word", MISSING_SPEC, "spec",
            object -> object.put("spec", "spam")),
        new Malformation("spec as a list", MISSING_SPEC, "spec",
            object -> object.putArray("spec")),
        new Malformation("spec as a number", MISSING_SPEC, "spec",
            object -> object.put("spec", 42)),
        new Malformation("predictors removed", NO_PREDICTORS, "spec.predictors",
            object -> spec(object).remove("predictors")),
        new Malformation("predictors empty", NO_PREDICTORS, "spec.predictors",
            object -> spec(object).putArray("predictors")),
        new Malformation("predictors null", NO_PREDICTORS, "spec.predictors",
            object -> spec(object).putNull("predictors")),
        new Malformation("an empty predictor", NO_PREDICTORS, PREDICTOR + ".name",
            object -> ((ArrayNode) spec(object).get("predictors")).set(0, NODES.objectNode())),
        new Malformation("unknown fields everywhere and replicas as a word", UNKNOWN_FIELDS,
            PREDICTOR + ".replicas", object -> {
              unknownFieldsAlone().breakObject().accept(object);
              predictor(object).put("replicas", "two");
            }),
        new Malformation("an unknown field in place of predictors", UNKNOWN_FIELDS,
            "spec.predictors", object -> {
              spec(object).set("predictor", spec(object).remove("predictors").get(0));
            }),
        specText("a description of 256 KiB", "description", 256 * 1024, "spec.description"),
        specText("a display name of 100000 characters", "displayName", 100_000,
            "spec.displayName"),
        new Malformation("a model image of 1010 characters", OVERSIZED,
            PREDICTOR + ".modelImage",
            object -> predictor(object).put("modelImage", "r.example/" + "a".repeat(1000))),
        manyEnv("10000 env variables with invalid names", i -> i + " BAD"),
        manyEnv("10000 env variables of one name", i -> "SAME"),
        new Malformation("10000 metadata entries with invalid keys", OVERSIZED,
            PREDICTOR + ".metadata", object -> {
              ObjectNode metadata = predictor(object).putObject("metadata");
              for (int i = 0; i < 10_000; i++) {
                metadata.put("bad key " + i, "1");
              }
            }),
        new Malformation("5000 endpoint clients with plaintext tokens", OVERSIZED,
            "spec.endpoint.clients", object -> {
              ArrayNode clients = spec(object).putObject("endpoint")
                  .put("accessType", "private").putArray("clients");
              for (int i = 0; i < 5000; i++) {
                clients.addObject().put("name", "client-" + i).put("token", "secret-" + i);
              }
            }),
        new Malformation("a metadata value of 256 KiB", OVERSIZED, PREDICTOR + ".metadata",
            object -> ((ObjectNode) predictor(object).get("metadata"))
                .put("ACCURACY", "9".repeat(256 * 1024))),
        new Malformation("an env value of 256 KiB", OVERSIZED, "spec", object -> spec(object)
            .putArray("env").addObject().put("name", "BIG").put("value", "v".repeat(256 * 1024))),
        new Malformation("1000 predictors", OVERSIZED, "spec.predictors", object -> {
          ArrayNode predictors = (ArrayNode) spec(object).get("predictors");
          for (int i = 1; i < 1000; i++) {
            predictors.add(predictor(object).deepCopy().put("name", "predictor-" + i));
          }
        }),
        new Malformation("a model image and an instance type of wrong types at once",
            WRONG_TYPE, PREDICTOR + ".instanceType", object -> {
              predictor(object).putArray("modelImage");
              predictor(object).putObject("instanceType");
            }));
  }

  /**
   * Fields this version does not know, beside a valid spec: not malformed, since objects written
   * by a newer version must still read, so the object deploys.
   */
  static Malformation unknownFieldsAlone() {
    return new Malformation("unknown fields alone", "unknown fields alone", "", object -> {
      object.put("extra", "top");
      spec(object).put("futureField", 1).putObject("futureObject").put("a", "b");
      predictor(object).put("gpuSharing", true);
    });
  }

  /** Creates the example object named {@code name}, broken, with a raw client. */
  void create(KubernetesClient client, String name) {
    ObjectNode object = WireJson.mapper().valueToTree(Journey.fixture());
    ((ObjectNode) object.get("metadata")).put("name", name);
    breakObject.accept(object);
    client.genericKubernetesResources(PhDeploymentCrd.context()).inNamespace(Journey.NAMESPACE)
        .resource(WireJson.mapper().convertValue(object, GenericKubernetesResource.class))
        .create();
  }

  /**
   * The reason the status must give: invalid spec, or image invalid when the model image is all
   * that is wrong, the more specific reason the controller gives for that.
   */
  FailureReason reason() {
    return field.equals(PREDICTOR + ".modelImage")
        ? FailureReason.IMAGE_INVALID
        : FailureReason.INVALID_SPEC;
  }

  @Override
  public String toString() {
    return title;
  }

  private static Malformation specField(String title, String field, JsonNode value) {
    return new Malformation(title, WRONG_TYPE, "spec." + field,
        object -> spec(object).set(field, value));
  }

  private static Malformation predictorField(String title, String field, JsonNode value) {
    return new Malformation(title, WRONG_TYPE, PREDICTOR + "." + field,
        object -> predictor(object).set(field, value));
  }

  private static Malformation specText(String title, String field, int length, String path) {
    return new Malformation(title, OVERSIZED, path,
        object -> spec(object).put(field, "x".repeat(length)));
  }

  private static Malformation manyEnv(String title, IntFunction<String> name) {
    return new Malformation(title, OVERSIZED, "spec.env", object -> {
      ArrayNode env = spec(object).putArray("env");
      for (int i = 0; i < 10_000; i++) {
        env.addObject().put("name", name.apply(i)).put("value", "1");
      }
    });
  }

  private static ObjectNode spec(ObjectNode object) {
    return (ObjectNode) object.get("spec");
  }

  private static ObjectNode predictor(ObjectNode object) {
    return (ObjectNode) spec(object).get("predictors").get(0);
  }
}
