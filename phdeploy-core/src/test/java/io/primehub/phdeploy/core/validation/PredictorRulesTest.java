package io.primehub.phdeploy.core.validation;

import static io.primehub.phdeploy.core.validation.Specs.predictor;
import static io.primehub.phdeploy.core.validation.Specs.repeat;
import static org.assertj.core.api.Assertions.assertThat;

import io.primehub.phdeploy.core.model.ImmutablePredictor;
import io.primehub.phdeploy.core.model.Predictor;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.provider.Arguments;

/** The rules of predictors, except the image reference, which has its own table. */
class PredictorRulesTest extends RuleTableTest {

  static Stream<Arguments> rejected() {
    return Stream.of(
        reject("no predictor", s -> s.withPredictors(List.<Predictor>of()), "spec.predictors",
            "is empty; add a predictor"),
        reject("two predictors",
            s -> s.withPredictors(Specs.predictor(), Specs.predictor().withName("predictor2")),
            "spec.predictors", "has 2 predictors, more than the 1 allowed; a deployment serves"
                + " one model"),
        rejectPredictor("empty name", p -> p.withName(""), "name",
            "is empty; give the predictor a name"),
        rejectPredictor("uppercase name", p -> p.withName("Predictor1"), "name",
            "names must be lowercase"),
        rejectPredictor("name of 64 characters", p -> p.withName(repeat('p', 64)), "name",
            "shorten it to at most 63"),
        rejectPredictor("negative replicas", p -> p.withReplicas(-1), "replicas",
            "is -1; give 0 or more replicas"),
        rejectPredictor("replicas above the limit", p -> p.withReplicas(21), "replicas",
            "is 21, more than the 20 replicas"),
        rejectPredictor("empty instanceType", p -> p.withInstanceType(""), "instanceType",
            "is empty; name one of the instance types"),
        rejectPredictor("space in instanceType", p -> p.withInstanceType("cpu only"),
            "instanceType", "\"cpu only\" contains whitespace"),
        rejectPredictor("control character in instanceType", p -> p.withInstanceType("cpu\u0007"),
            "instanceType", "control character U+0007"),
        rejectPredictor("instanceType too long", p -> p.withInstanceType(repeat('c', 254)),
            "instanceType", "shorten it to at most 253"),
        rejectModelUri("ftp://host/model", "start it with one of gs://, s3://, http://, https://,"
            + " pvc://, nfs://, phfs://, models:/"),
        rejectModelUri("s3://", "names no location after s3://"),
        rejectModelUri("gs://bucket/my model", "contains whitespace; percent-encode it"),
        rejectModelUri("gs://bucket/m\n", "control character U+000A"),
        rejectModelUri("gs://b/m;reboot", "contains the character ;"),
        rejectModelUri("s3://b/$(id)", "contains the character $"),
        rejectModelUri("s3://b/`id`", "contains the character `"),
        rejectModelUri("https://h/m?a=1&b=2", "contains the character &"),
        rejectModelUri("pvc:///models/spam", "names no claim after pvc://"),
        rejectModelUri("nfs:///export/spam", "names no server after nfs://"),
        rejectModelUri("pvc://claim/models/../../etc", "climbs out of its volume with '..'"),
        rejectModelUri("nfs://server/export/..", "climbs out of its volume with '..'"),
        rejectModelUri("phfs://../home", "climbs out of its volume with '..'"),
        rejectPredictor("invalid imagePullSecret", p -> p.withImagePullSecret("Reg_Cred"),
            "imagePullSecret", "\"Reg_Cred\" is not a valid Kubernetes name"),
        rejectPredictor("imagePullSecret too long", p -> p.withImagePullSecret(repeat('r', 254)),
            "imagePullSecret", "shorten it to at most 253"),
        rejectPredictor("too many metadata keys", p -> p.withMetadata(metadata(33)), "metadata",
            "has 33 keys, more than the 32 allowed"),
        rejectPredictor("metadata key with a space", p -> p.withMetadata(Map.of("bad key", "1")),
            "metadata[\"bad key\"]", "the key \"bad key\" is invalid"),
        rejectPredictor("metadata key of 64 characters",
            p -> p.withMetadata(Map.of(repeat('k', 64), "1")),
            "metadata[\"" + repeat('k', 64) + "\"]", "is invalid"),
        rejectPredictor("metadata value too long",
            p -> p.withMetadata(Map.of("ACCURACY", repeat('9', 513))),
            "metadata[\"ACCURACY\"]", "shorten it to at most 512"));
  }

  static Stream<Arguments> accepted() {
    Stream<Arguments> predictors = Stream.of(
        accept("no replicas", predictor(p -> p.withReplicas(0))),
        accept("replicas at the limit", predictor(p -> p.withReplicas(20))),
        accept("name with digits and dashes", predictor(p -> p.withName("p-1"))),
        accept("instanceType with dots and underscores",
            predictor(p -> p.withInstanceType("gpu.large_v2"))),
        accept("empty modelURI, which is absent on the wire", predictor(p -> p.withModelURI(""))),
        accept("imagePullSecret", predictor(p -> p.withImagePullSecret("reg.cred-1"))),
        accept("32 metadata keys", predictor(p -> p.withMetadata(metadata(32)))),
        accept("metadata key with dots, dashes and underscores",
            predictor(p -> p.withMetadata(Map.of("train.loss-v_2", "0.1")))),
        accept("metadata value of 512 characters",
            predictor(p -> p.withMetadata(Map.of("NOTES", repeat('n', 512))))));
    Stream<Arguments> modelUris = Stream.of(
        "gs://bucket/spam/model", "s3://bucket/model.joblib", "http://host/m.tar.gz",
        "https://host/m.tar.gz?version=2", "pvc://claim/models/spam", "nfs://server/export/spam",
        "phfs://models/spam", "models:/spam/1")
        .map(uri -> accept(uri, predictor(p -> p.withModelURI(uri))));
    return Stream.concat(predictors, modelUris);
  }

  @Test
  void neverRepeatsAModelUriWhichMayHoldACredential() {
    List<Violation> violations = SpecValidator.withDefaults().validate(Specs.NAME,
        predictor(p -> p.withModelURI("ftp://model:hunter2@host/spam")).apply(Specs.valid()));

    assertThat(violations).singleElement()
        .satisfies(violation -> assertThat(violation.message()).doesNotContain("hunter2"));
  }

  private static Arguments rejectPredictor(
      String label, UnaryOperator<ImmutablePredictor> change, String field, String message) {
    return reject(label, predictor(change), "spec.predictors[0]." + field, message);
  }

  private static Arguments rejectModelUri(String uri, String message) {
    return rejectPredictor(Texts.quote(uri), p -> p.withModelURI(uri), "modelURI", message);
  }

  private static Map<String, String> metadata(int keys) {
    return IntStream.range(0, keys).mapToObj(i -> "KEY_" + i)
        .collect(Collectors.toMap(Function.identity(), key -> "1"));
  }
}
