package io.primehub.phdeploy.core.validation;

import io.primehub.phdeploy.core.Nullable;
import io.primehub.phdeploy.core.model.Predictor;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/** The rules of {@code spec.predictors}: what runs, how many times, and where. */
final class PredictorRules {

  private static final FieldPath PREDICTORS = FieldPath.SPEC.child("predictors");
  private static final Pattern METADATA_KEY = Pattern.compile("[A-Za-z0-9_.-]{1,63}");
  private static final String MODEL_IMAGE = "modelImage";
  private static final Pattern MODEL_IMAGE_PATH =
      Pattern.compile(Pattern.quote(PREDICTORS.text()) + "\\[\\d+]\\." + MODEL_IMAGE);

  private final ValidationLimits limits;

  PredictorRules(ValidationLimits limits) {
    this.limits = limits;
  }

  /** Whether a violation's path is the model image of a predictor, for example the first's. */
  static boolean isModelImage(String path) {
    return MODEL_IMAGE_PATH.matcher(path).matches();
  }

  /** Reports every problem of the predictors. */
  void check(List<Predictor> predictors, Violations out) {
    if (predictors.isEmpty()) {
      out.add(PREDICTORS, "is empty; add a predictor with a name, a modelImage and an"
          + " instanceType");
    }
    out.add(PREDICTORS, Checks.tooMany(predictors.size(), limits.maxPredictors(), "predictor",
        "a deployment serves one model, so deploy the others separately"));
    for (int i = 0; i < predictors.size(); i++) {
      check(predictors.get(i), PREDICTORS.index(i), out);
    }
    NameRules.requireUnique(predictors.stream().map(Predictor::name).toList(), "predictors",
        i -> PREDICTORS.index(i).child("name"), out);
  }

  private void check(Predictor predictor, FieldPath path, Violations out) {
    out.add(path.child("name"),
        NameRules.requiredDnsLabel(predictor.name(), "give the predictor a name, such as"
            + " predictor1"));
    out.add(path.child("replicas"), replicasProblem(predictor.replicas()));
    out.add(path.child(MODEL_IMAGE), ImageReference.problem(predictor.modelImage()));
    String instanceType = predictor.instanceType();
    out.add(path.child("instanceType"),
        Checks.blank(instanceType, "name one of the instance types of the group")
            .or(() -> Checks.whitespace(instanceType))
            .or(() -> Checks.line(instanceType, Checks.MAX_NAME_LENGTH)));
    out.add(path.child("modelURI"), optional(predictor.modelURI()).flatMap(ModelUris::problem));
    out.add(path.child("imagePullSecret"),
        optional(predictor.imagePullSecret()).flatMap(NameRules::dnsSubdomain));
    checkMetadata(predictor.metadata(), path.child("metadata"), out);
  }

  private Optional<String> replicasProblem(int replicas) {
    if (replicas < 0) {
      return Optional.of("is " + replicas + "; give 0 or more replicas");
    }
    if (replicas > limits.maxReplicas()) {
      return Optional.of("is " + replicas + ", more than the " + limits.maxReplicas()
          + " replicas a deployment may have; lower it, or ask an administrator to raise the"
          + " limit");
    }
    return Optional.empty();
  }

  private void checkMetadata(Map<String, String> metadata, FieldPath path, Violations out) {
    out.add(path, Checks.tooMany(metadata.size(), limits.maxMetadataEntries(), "key",
        "keep the facts people need to compare models"));
    metadata.forEach((key, value) -> {
      if (!METADATA_KEY.matcher(key).matches()) {
        out.add(path.key(key), "the key " + Texts.quote(key) + " is invalid: use 1 to 63"
            + " letters, digits, '_', '.' or '-'");
      }
      out.add(path.key(key), Checks.tooLong(value, limits.maxMetadataValueLength()));
    });
  }

  /** An optional field: absent and empty are the same on the wire. */
  private static Optional<String> optional(@Nullable String value) {
    return Optional.ofNullable(value).filter(v -> !v.isEmpty());
  }
}
