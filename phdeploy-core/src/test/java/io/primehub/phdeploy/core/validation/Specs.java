package io.primehub.phdeploy.core.validation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.primehub.phdeploy.core.model.AccessType;
import io.primehub.phdeploy.core.model.Endpoint;
import io.primehub.phdeploy.core.model.EndpointClient;
import io.primehub.phdeploy.core.model.ImmutablePhDeploymentSpec;
import io.primehub.phdeploy.core.model.ImmutablePredictor;
import io.primehub.phdeploy.core.model.PhDeploymentSpec;
import io.primehub.phdeploy.core.model.Predictor;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.stream.IntStream;

/** Specs for the validation tests: one valid spec, and changes that each break or keep a rule. */
final class Specs {

  /** A valid deployment name. */
  static final String NAME = "spam-classifier-abcxy";

  /** SHA-512 crypt of "s3cret" with salt "saltsalt", as {@code openssl passwd -6} prints it. */
  static final String SHA512_HASH = "$6$saltsalt$"
      + "As4wrv0kZlfch1du9WeH7qhskyLriQWySXrZzynnvi46nFnNxjdpl6ksRegrrKexvhIa/Iny8S8uF3fVWTMuC1";

  private Specs() {}

  /** A spec that breaks no rule. */
  static ImmutablePhDeploymentSpec valid() {
    return PhDeploymentSpec.builder()
        .displayName("spam classifier")
        .userId("4d203a08-896a-4aa8-86e2-882f4d4aadec")
        .userName("phadmin")
        .groupId("ca6b032e-b8be-44d2-9646-092622d6ba15")
        .groupName("phusers")
        .addPredictors(predictor())
        .build();
  }

  /** The predictor of {@link #valid()}. */
  static ImmutablePredictor predictor() {
    return Predictor.builder()
        .name("predictor1")
        .replicas(2)
        .modelImage("registry.example/spam:1.0.3")
        .instanceType("cpu-only")
        .build();
  }

  /** A change of the spec's only predictor. */
  static UnaryOperator<ImmutablePhDeploymentSpec> predictor(
      UnaryOperator<ImmutablePredictor> change) {
    return spec -> spec.withPredictors(change.apply(predictor()));
  }

  /** A change that gives the spec this environment. */
  static UnaryOperator<ImmutablePhDeploymentSpec> env(EnvVar... env) {
    return spec -> spec.withEnv(env);
  }

  /** {@code count} variables with distinct valid names. */
  static List<EnvVar> envVars(int count) {
    return IntStream.range(0, count).mapToObj(i -> new EnvVar("VAR_" + i, "x", null)).toList();
  }

  /** A change that makes the endpoint private with these clients. */
  static UnaryOperator<ImmutablePhDeploymentSpec> clients(List<EndpointClient> clients) {
    return spec -> spec.withEndpoint(
        Endpoint.builder().accessType(AccessType.PRIVATE).addAllClients(clients).build());
  }

  /** {@code count} clients with distinct valid names and a valid token hash. */
  static List<EndpointClient> clients(int count) {
    return IntStream.range(0, count).mapToObj(i -> EndpointClient.of("client" + i, SHA512_HASH))
        .toList();
  }

  /** {@code c} repeated {@code length} times. */
  static String repeat(char c, int length) {
    return String.valueOf(c).repeat(length);
  }

  /** The object of fixtures/spam-classifier.yaml, the specification's example. */
  static JsonNode fixtureObject() {
    try (InputStream in = Specs.class.getResourceAsStream("/fixtures/spam-classifier.yaml")) {
      return new ObjectMapper(new YAMLFactory()).readTree(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
