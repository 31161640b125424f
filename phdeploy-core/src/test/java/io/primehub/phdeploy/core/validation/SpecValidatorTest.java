package io.primehub.phdeploy.core.validation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNoException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fabric8.kubernetes.api.model.EnvVar;
import io.primehub.phdeploy.core.model.EndpointClient;
import io.primehub.phdeploy.core.model.Failure;
import io.primehub.phdeploy.core.model.FailureReason;
import io.primehub.phdeploy.core.model.ImmutablePhDeploymentSpec;
import io.primehub.phdeploy.core.model.PhDeploymentSpec;
import io.primehub.phdeploy.core.model.WireJson;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** What the validator reports as a whole, and how it reports it. */
class SpecValidatorTest {

  private final SpecValidator validator = SpecValidator.withDefaults();

  @Test
  void theSpecificationsExampleIsValid() {
    PhDeploymentSpec fixture =
        SpecReader.read(Specs.NAME, Specs.fixtureObject().get("spec"));

    assertThat(validator.validate("spam-classifier-abcxy", fixture)).isEmpty();
  }

  @Test
  void reportsEveryProblemAtOnce() {
    ImmutablePhDeploymentSpec spec = Specs.valid()
        .withDisplayName("")
        .withGroupName("")
        .withPredictors(Specs.predictor()
            .withReplicas(-1)
            .withModelImage("Spam Classifier")
            .withInstanceType("")
            .withModelURI("ftp://model"))
        .withEnv(new EnvVar("PREDICTOR_ID", "x", null), new EnvVar("1X", "y", null));
    spec = Specs.clients(List.of(EndpointClient.of("ci:bot", "plaintext"))).apply(spec);

    assertThat(validator.validate("Bad_Name", spec))
        .extracting(Violation::path)
        .containsExactly(
            "metadata.name",
            "spec.displayName",
            "spec.groupName",
            "spec.predictors[0].replicas",
            "spec.predictors[0].modelImage",
            "spec.predictors[0].instanceType",
            "spec.predictors[0].modelURI",
            "spec.env[0].name",
            "spec.env[1].name",
            "spec.endpoint.clients[0].name",
            "spec.endpoint.clients[0].token");
  }

  @Test
  void duplicatePredictorNamesAreReportedWhereSeveralPredictorsAreAllowed() {
    SpecValidator twoPredictors =
        new SpecValidator(ValidationLimits.builder().maxPredictors(2).build());
    ImmutablePhDeploymentSpec spec = Specs.valid()
        .withPredictors(Specs.predictor(), Specs.predictor().withReplicas(1));

    assertThat(twoPredictors.validate(Specs.NAME, spec)).containsExactly(new Violation(
        "spec.predictors[1].name", "\"predictor1\" is used by both predictors[0] and"
            + " predictors[1]; names must be unique, so rename or remove one"));
    assertThat(twoPredictors.validate(Specs.NAME,
        spec.withPredictors(Specs.predictor(), Specs.predictor().withName("predictor2"))))
        .isEmpty();
  }

  @Test
  void capsTheSizeOfTheWholeSpec() {
    ImmutablePhDeploymentSpec large =
        Specs.valid().withEnv(new EnvVar("DATA", Specs.repeat('x', 20_000), null));
    int size = WireJson.byteSize(large);

    assertThat(validator.validate(Specs.NAME, large)).containsExactly(new Violation("spec",
        "is " + size + " bytes as JSON, more than the 16384 allowed; shorten the description,"
            + " metadata or env"));
  }

  @Test
  void theSizeCapIsInclusive() {
    ImmutablePhDeploymentSpec spec = Specs.valid();
    int size = WireJson.byteSize(spec);

    assertThat(new SpecValidator(ValidationLimits.builder().maxSpecBytes(size).build())
        .validate(Specs.NAME, spec)).isEmpty();
    assertThat(new SpecValidator(ValidationLimits.builder().maxSpecBytes(size - 1).build())
        .validate(Specs.NAME, spec)).extracting(Violation::path).containsExactly("spec");
  }

  @Test
  void limitsAreConfigurable() {
    SpecValidator generous = new SpecValidator(ValidationLimits.builder()
        .maxReplicas(100).maxDisplayNameLength(200).maxEnvVars(0).build());
    ImmutablePhDeploymentSpec spec = Specs.valid()
        .withDisplayName(Specs.repeat('d', 200))
        .withPredictors(Specs.predictor().withReplicas(100));

    assertThat(generous.validate(Specs.NAME, spec)).isEmpty();
    assertThat(generous.validate(Specs.NAME, spec.withEnv(new EnvVar("A", "1", null))))
        .containsExactly(new Violation("spec.env", "has 1 variable, more than the 0 allowed;"
            + " remove some, or pass settings in a file of the image instead"));
  }

  @Test
  void requireValidThrowsWithEveryViolation() {
    ImmutablePhDeploymentSpec spec = Specs.valid().withDisplayName("").withGroupName("");

    assertThatThrownBy(() -> validator.requireValid("spam", spec))
        .isInstanceOfSatisfying(InvalidSpecException.class, e -> {
          assertThat(e.violations()).isEqualTo(validator.validate("spam", spec));
          assertThat(e.name()).isEqualTo("spam");
          assertThat(e.getMessage()).isEqualTo("""
              invalid PhDeployment "spam": 2 problems
              spec.displayName: is empty; give the deployment a name people will recognise
              spec.groupName: is empty; name the group whose quota the deployment uses""");
          assertThat(e.failure().reason()).isEqualTo(FailureReason.INVALID_SPEC);
          assertThat(e.failure().message()).isEqualTo(e.getMessage());
        });
  }

  @Test
  void aSpecWhoseOnlyProblemIsItsModelImageFailsAsAnInvalidImage() {
    ImmutablePhDeploymentSpec badImage =
        Specs.valid().withPredictors(Specs.predictor().withModelImage("Spam/Classifier:1"));
    InvalidSpecException onlyTheImage =
        new InvalidSpecException(Specs.NAME, validator.validate(Specs.NAME, badImage));
    InvalidSpecException imageAndMore = new InvalidSpecException(
        Specs.NAME, validator.validate(Specs.NAME, badImage.withDisplayName("")));

    assertThat(onlyTheImage.failure())
        .isEqualTo(new Failure(FailureReason.IMAGE_INVALID, onlyTheImage.getMessage()));
    assertThat(imageAndMore.failure())
        .isEqualTo(new Failure(FailureReason.INVALID_SPEC, imageAndMore.getMessage()));
  }

  @ParameterizedTest
  @ValueSource(strings = {"spec.predictors.modelImage", "spec.predictors[0].modelImageX",
      "spec.predictors[0].metadata[\"modelImage\"]", "spec.predictors[x].modelImage"})
  void aProblemOfAnotherFieldIsAnInvalidSpec(String path) {
    InvalidSpecException e =
        new InvalidSpecException(Specs.NAME, List.of(new Violation(path, "is wrong")));

    assertThat(e.failure().reason()).isEqualTo(FailureReason.INVALID_SPEC);
  }

  @Test
  void requireValidOfANameYetToBeGenerated() {
    assertThatThrownBy(() -> validator.requireValid(null, Specs.valid().withDisplayName("")))
        .isInstanceOf(InvalidSpecException.class)
        .hasMessageStartingWith("invalid PhDeployment: 1 problem\nspec.displayName: ");
  }

  @Test
  void requireValidAcceptsAValidSpec() {
    assertThatNoException().isThrownBy(() -> validator.requireValid(Specs.NAME, Specs.valid()));
  }

  @Test
  void messagesShowValuesEscapedOnOneLine() {
    assertThat(validator.validate("spam_\nclassifier", Specs.valid()))
        .containsExactly(new Violation("metadata.name", "\"spam_\\nclassifier\" is not a valid"
            + " DNS-1123 label: use only lowercase letters, digits and '-', starting and ending"
            + " with a letter or digit"));
  }

  @Test
  void messagesCutLongValues() {
    String instanceType = "cpu " + Specs.repeat('c', 100);

    assertThat(validator.validate(Specs.NAME,
        Specs.predictor(p -> p.withInstanceType(instanceType)).apply(Specs.valid())))
        .singleElement()
        .satisfies(violation -> assertThat(violation.message())
            .startsWith("\"cpu " + Specs.repeat('c', 60) + "…\" (104 characters)")
            .doesNotContain(instanceType));
  }

  @Test
  void aViolationReadsAsPathAndMessage() {
    assertThat(new Violation("spec.displayName", "is empty")).hasToString(
        "spec.displayName: is empty");
  }
}
