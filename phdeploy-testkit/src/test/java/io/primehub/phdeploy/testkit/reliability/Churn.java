package io.primehub.phdeploy.testkit.reliability;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.primehub.phdeploy.core.model.ImmutablePhDeploymentSpec;
import io.primehub.phdeploy.core.model.ImmutablePredictor;
import io.primehub.phdeploy.core.model.PhDeploymentSpec;
import io.primehub.phdeploy.core.model.PhDeploymentStatus;
import io.primehub.phdeploy.core.model.Phase;
import io.primehub.phdeploy.k8s.client.PhDeployments;
import io.primehub.phdeploy.k8s.resource.PhDeployment;
import io.primehub.phdeploy.testkit.Fixtures;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A seeded churn of deployments through the client SDK: it creates them, then, round after
 * round, gives each a spec it never had, stops it, starts it or deletes it, and remembers what
 * each was given and last asked for, so that the outcome can be checked against that.
 *
 * <p>Within a round the changes go out back to back, for every deployment; between rounds the
 * churn waits until the controller has taken up each change (its observed generation), because
 * a spec that was replaced before the controller saw it can never be in a history. An
 * interruption (a controller restart) can be run at chosen steps, a step being one
 * deployment's turn in one round.
 */
final class Churn {

  /** What the churn did. */
  record Figures(
      int deployments, int updates, int stops, int starts, int deletes, int interruptions) {

    int changes() {
      return deployments + updates + stops + starts + deletes;
    }
  }

  private final PhDeployments deployments;
  private final KubernetesClient client;
  private final Random random;
  private final Duration wait;
  private final Map<String, Given> given = new LinkedHashMap<>();
  private final Set<Integer> interruptAt = new TreeSet<>();
  private Runnable interruption = () -> {};
  private int step;
  private int updates;
  private int stops;
  private int starts;
  private int deletes;
  private int interruptions;

  /** What one deployment was given: its specs in order, and the generation of the last. */
  record Given(List<PhDeploymentSpec> specs, long generation, boolean deleted) {

    Given then(PhDeployment written) {
      List<PhDeploymentSpec> more = new ArrayList<>(specs);
      more.add(written.getSpec());
      return new Given(List.copyOf(more), written.getMetadata().getGeneration(), false);
    }

    boolean stopped() {
      return specs.get(specs.size() - 1).stop();
    }
  }

  Churn(PhDeployments deployments, KubernetesClient client, Random random, Duration wait) {
    this.deployments = deployments;
    this.client = client;
    this.random = random;
    this.wait = wait;
  }

  /** How many steps a churn of {@code count} deployments over {@code rounds} rounds takes. */
  static int steps(int count, int rounds) {
    return count * (rounds + 1);
  }

  /** Runs {@code action} right after each of these steps. */
  Churn interruptAt(Set<Integer> steps, Runnable action) {
    interruptAt.addAll(steps);
    interruption = Objects.requireNonNull(action, "action");
    return this;
  }

  /**
   * Creates {@code count} deployments, then changes them for {@code rounds} rounds; returns once
   * the controller has taken up every change.
   */
  Figures run(int count, int rounds) {
    for (int i = 0; i < count; i++) {
      String name = String.format("churn-%03d", i);
      PhDeployment created = deployments.create(name, firstSpec(name));
      given.put(name, new Given(
          List.of(created.getSpec()), created.getMetadata().getGeneration(), false));
      stepDone();
    }
    awaitAll("every creation taken up", false);
    for (int round = 1; round <= rounds; round++) {
      for (Map.Entry<String, Given> entry : given.entrySet()) {
        if (!entry.getValue().deleted()) {
          entry.setValue(change(entry.getKey(), entry.getValue(), round));
        }
        stepDone();
      }
      awaitAll("every change of round " + round + " taken up", false);
    }
    return new Figures(count, updates, stops, starts, deletes, interruptions);
  }

  /** What each deployment was given, by name; deleted ones included. */
  Map<String, Given> given() {
    return Map.copyOf(given);
  }

  /** Waits until every remaining deployment is Deployed, or Stopped if that was asked last. */
  void awaitSettled() {
    awaitAll("every deployment Deployed or Stopped as last asked", true);
  }

  private Given change(String name, Given before, int round) {
    double dice = random.nextDouble();
    if (dice < 0.45) {
      updates++;
      boolean newImage = random.nextBoolean();
      return before.then(deployments.edit(name, spec -> {
        spec.description("round " + round + " of " + name);
        if (newImage) {
          spec.modelImage("registry.example/churn:1." + round);
        }
      }, "round " + round));
    }
    if (dice < 0.85) {
      if (before.stopped()) {
        starts++;
        return before.then(deployments.start(name));
      }
      stops++;
      return before.then(deployments.stop(name));
    }
    if (dice < 0.90) {
      deletes++;
      deployments.delete(name);
      return new Given(before.specs(), before.generation(), true);
    }
    return before;
  }

  private void stepDone() {
    if (interruptAt.contains(step++)) {
      interruptions++;
      interruption.run();
    }
  }

  /**
   * Waits until every remaining deployment's status is for its last generation and, if
   * {@code inAskedPhase}, in the phase last asked for; deleted ones must be gone.
   */
  private void awaitAll(String description, boolean inAskedPhase) {
    Map<String, Given> expected = Map.copyOf(given);
    try {
      client.resources(PhDeployment.class).inNamespace(deployments.namespace())
          .informOnCondition(list -> list.stream()
                  .filter(d -> expected.containsKey(d.name()))
                  .filter(d -> !expected.get(d.name()).deleted())
                  .filter(d -> settled(d, expected.get(d.name()), inAskedPhase))
                  .count() == expected.values().stream().filter(g -> !g.deleted()).count()
              && list.stream().noneMatch(d -> expected.containsKey(d.name())
                  && expected.get(d.name()).deleted()))
          .get(wait.toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      throw new AssertionError("not " + description + " within " + wait + "; behind: "
          + behind(expected, inAskedPhase), e);
    } catch (ExecutionException e) {
      throw new AssertionError("waiting for " + description, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static boolean settled(PhDeployment deployment, Given given, boolean inAskedPhase) {
    PhDeploymentStatus status = deployment.getStatus();
    if (status == null || status.observedGeneration() == null
        || status.observedGeneration() < given.generation()) {
      return false;
    }
    return !inAskedPhase || status.phase() == (given.stopped() ? Phase.STOPPED : Phase.DEPLOYED);
  }

  private List<String> behind(Map<String, Given> expected, boolean inAskedPhase) {
    List<String> behind = new ArrayList<>();
    for (PhDeployment d : deployments.list()) {
      Given g = expected.get(d.name());
      if (g != null && (g.deleted() || !settled(d, g, inAskedPhase))) {
        behind.add(d.name() + (g.deleted() ? " (deleted, still there)" : " " + d.getStatus()));
      }
    }
    return behind.size() > 5 ? behind.subList(0, 5) : behind;
  }

  private static PhDeploymentSpec firstSpec(String name) {
    PhDeploymentSpec fixture = Fixtures.spamClassifier().getSpec();
    return ImmutablePhDeploymentSpec.copyOf(fixture)
        .withDisplayName(name)
        .withPredictors(ImmutablePredictor.copyOf(fixture.predictor())
            .withReplicas(1)
            .withInstanceType(ChurnCatalog.INSTANCE_TYPE)
            .withModelImage("registry.example/churn:1.0"));
  }
}
