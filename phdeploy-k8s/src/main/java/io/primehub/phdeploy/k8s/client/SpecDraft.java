package io.primehub.phdeploy.k8s.client;

import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.EnvVarBuilder;
import io.primehub.phdeploy.core.Nullable;
import io.primehub.phdeploy.core.model.ImmutablePhDeploymentSpec;
import io.primehub.phdeploy.core.model.PhDeploymentSpec;
import io.primehub.phdeploy.core.model.Predictor;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;
import java.util.stream.IntStream;

/**
 * A spec being written, fluently, for {@link PhDeployments#create(Consumer)} and
 * {@link PhDeployments#edit}:
 *
 * <pre>{@code
 * spec -> spec.displayName("spam classifier").group("phusers").user("phadmin")
 *     .predictor(p -> p.modelImage("registry.example/spam:1.0.3").instanceType("cpu-only"))
 * }</pre>
 *
 * <p>A draft starts empty for a create and from the stored spec for an edit. It is a mutable
 * helper that lives only inside the lambda it is given to; it is not thread-safe. Nothing is
 * checked while writing: the client validates the finished spec and reports every problem at
 * once.
 */
public final class SpecDraft {

  /** The name a predictor gets when the draft creates it. */
  public static final String DEFAULT_PREDICTOR_NAME = "predictor1";

  private ImmutablePhDeploymentSpec spec;

  SpecDraft(PhDeploymentSpec spec) {
    this.spec = ImmutablePhDeploymentSpec.copyOf(spec);
  }

  /** An empty draft, for a new deployment. */
  static SpecDraft empty() {
    return new SpecDraft(PhDeploymentSpec.builder().build());
  }

  /** Sets the name people see. */
  public SpecDraft displayName(String displayName) {
    return set(s -> s.withDisplayName(displayName));
  }

  /** Sets the description for people; null removes it. */
  public SpecDraft description(@Nullable String description) {
    return set(s -> s.withDescription(description));
  }

  /** Sets the name of the user who owns the deployment ({@code spec.userName}). */
  public SpecDraft user(@Nullable String userName) {
    return set(s -> s.withUserName(userName));
  }

  /** Sets the id of the user who owns the deployment ({@code spec.userId}). */
  public SpecDraft userId(@Nullable String userId) {
    return set(s -> s.withUserId(userId));
  }

  /** Sets the name of the group whose quota the deployment uses ({@code spec.groupName}). */
  public SpecDraft group(String groupName) {
    return set(s -> s.withGroupName(groupName));
  }

  /** Sets the id of the group whose quota the deployment uses ({@code spec.groupId}). */
  public SpecDraft groupId(@Nullable String groupId) {
    return set(s -> s.withGroupId(groupId));
  }

  /** Stops the deployment ({@code true}: scaled to zero) or runs it ({@code false}). */
  public SpecDraft stop(boolean stop) {
    return set(s -> s.withStop(stop));
  }

  /**
   * Sets an environment variable of the model container. One of the same name is replaced where
   * it stands, so that setting a variable to the value it has changes nothing.
   */
  public SpecDraft env(String name, String value) {
    EnvVar variable = new EnvVarBuilder().withName(name).withValue(value).build();
    List<EnvVar> env = new ArrayList<>(spec.env());
    IntStream.range(0, env.size())
        .filter(i -> name.equals(env.get(i).getName()))
        .findFirst()
        .ifPresentOrElse(i -> env.set(i, variable), () -> env.add(variable));
    return set(s -> s.withEnv(env));
  }

  /**
   * Writes the predictor: the first of the spec, or a new one named
   * {@value #DEFAULT_PREDICTOR_NAME} with one replica when the spec has none yet.
   */
  public SpecDraft predictor(Consumer<PredictorDraft> edit) {
    List<Predictor> predictors = new ArrayList<>(spec.predictors());
    Predictor current = predictors.isEmpty()
        ? Predictor.builder().name(DEFAULT_PREDICTOR_NAME).build()
        : predictors.remove(0);
    PredictorDraft draft = new PredictorDraft(current);
    edit.accept(draft);
    predictors.add(0, draft.build());
    return set(s -> s.withPredictors(predictors));
  }

  /** Sets the predictor's model image; short for {@code predictor(p -> p.modelImage(image))}. */
  public SpecDraft modelImage(String modelImage) {
    return predictor(p -> p.modelImage(modelImage));
  }

  /** Sets the predictor's replicas; short for {@code predictor(p -> p.replicas(replicas))}. */
  public SpecDraft replicas(int replicas) {
    return predictor(p -> p.replicas(replicas));
  }

  /** Sets the predictor's instance type; short for {@code predictor(p -> p.instanceType(t))}. */
  public SpecDraft instanceType(String instanceType) {
    return predictor(p -> p.instanceType(instanceType));
  }

  /** The spec written so far. */
  PhDeploymentSpec build() {
    return spec;
  }

  private SpecDraft set(UnaryOperator<ImmutablePhDeploymentSpec> change) {
    spec = change.apply(spec);
    return this;
  }
}
