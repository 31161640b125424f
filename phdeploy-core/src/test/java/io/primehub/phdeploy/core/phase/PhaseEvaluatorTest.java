package io.primehub.phdeploy.core.phase;

import static io.primehub.phdeploy.core.phase.Observations.CRASH_BACK_OFF;
import static io.primehub.phdeploy.core.phase.Observations.DEADLINE;
import static io.primehub.phdeploy.core.phase.Observations.IMAGE;
import static io.primehub.phdeploy.core.phase.Observations.INSUFFICIENT_CPU;
import static io.primehub.phdeploy.core.phase.Observations.INVALID_IMAGE_NAME;
import static io.primehub.phdeploy.core.phase.Observations.PULL_BACK_OFF;
import static io.primehub.phdeploy.core.phase.Observations.RESOURCE_QUOTA_DENIAL;
import static io.primehub.phdeploy.core.phase.Observations.WEBHOOK_DENIAL;
import static io.primehub.phdeploy.core.phase.Observations.problem;
import static io.primehub.phdeploy.core.phase.Observations.rolledOut;
import static io.primehub.phdeploy.core.phase.Observations.rollingOut;
import static io.primehub.phdeploy.core.phase.Observations.workload;
import static io.primehub.phdeploy.core.phase.Observations.workloadBuilder;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import io.primehub.phdeploy.core.model.Failure;
import io.primehub.phdeploy.core.model.FailureReason;
import io.primehub.phdeploy.core.model.Phase;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

class PhaseEvaluatorTest {

  /** The reasons that only the rest of core decides, and the evaluator passes through. */
  private static final Set<FailureReason> CONFIGURATION_REASONS =
      EnumSet.of(
          FailureReason.GROUP_NOT_FOUND,
          FailureReason.DEPLOYMENT_NOT_ENABLED,
          FailureReason.INSTANCE_TYPE_NOT_FOUND,
          FailureReason.INSTANCE_TYPE_NOT_ALLOWED,
          FailureReason.USER_NOT_IN_GROUP,
          FailureReason.INVALID_SPEC);

  private static final Failure QUOTA_SHORTFALL =
      new Failure(
          FailureReason.GROUP_QUOTA_EXCEEDED,
          "Group phusers has cpu 1 left of its quota; 2 replicas of cpu-only need cpu 2:"
              + " short by cpu 1.");

  /**
   * A problem that fails a rollout in progress, and what a person must read about it.
   *
   * @param name how the test names it
   * @param problem adds the problem to a rollout in progress
   * @param reason the reason it fails with
   * @param phrases what its message must say
   */
  record Case(
      String name,
      UnaryOperator<ImmutableObservation.Builder> problem,
      FailureReason reason,
      List<String> phrases) {

    Observation observation() {
      return problem.apply(rollingOut()).build();
    }

    @Override
    public String toString() {
      return name;
    }
  }

  static Stream<Case> failures() {
    return Stream.of(
        new Case(
            "quota pre-check",
            o -> o.quotaFailure(QUOTA_SHORTFALL),
            FailureReason.GROUP_QUOTA_EXCEEDED,
            List.of(QUOTA_SHORTFALL.message())),
        new Case(
            "admission webhook denial",
            o -> o.workload(denied(WEBHOOK_DENIAL)),
            FailureReason.GROUP_QUOTA_EXCEEDED,
            List.of(
                "Group phusers exceeded cpu quota: 8, requesting 9.0",
                "Lower the replicas",
                "smaller instance type",
                "ask the administrator for more quota")),
        new Case(
            "ResourceQuota denial",
            o -> o.workload(denied(RESOURCE_QUOTA_DENIAL)),
            FailureReason.GROUP_QUOTA_EXCEEDED,
            List.of("exceeded quota: compute-resources", "Lower the replicas")),
        new Case(
            "invalid image",
            o -> o.addPodProblems(
                problem(PodProblemKind.IMAGE_INVALID, "deploy-spam-a", INVALID_IMAGE_NAME)),
            FailureReason.IMAGE_INVALID,
            List.of(
                "\"" + IMAGE + "\" is not a valid image name",
                "(pod deploy-spam-a)",
                "invalid reference format",
                "Set modelImage")),
        new Case(
            "image pull",
            o -> o.addPodProblems(
                problem(PodProblemKind.IMAGE_PULL, "deploy-spam-a", PULL_BACK_OFF),
                problem(PodProblemKind.IMAGE_PULL, "deploy-spam-b", PULL_BACK_OFF)),
            FailureReason.IMAGE_PULL_FAILED,
            List.of(
                "\"" + IMAGE + "\" cannot be pulled",
                "(2 pods: deploy-spam-a, deploy-spam-b)",
                PULL_BACK_OFF,
                "exists with that name and tag",
                "imagePullSecret")),
        new Case(
            "storage initializer",
            o -> o.addPodProblems(
                problem(
                    PodProblemKind.INIT_FAILED,
                    "deploy-spam-a",
                    "container \"storage-initializer\" exited with code 1 after 0 restarts")),
            FailureReason.MODEL_STORAGE_INIT_FAILED,
            List.of("storage-initializer", "exited with code 1", "modelURI", "credentials")),
        new Case(
            "crash loop",
            o -> o.addPodProblems(
                problem(PodProblemKind.CRASH_LOOP, "deploy-spam-a", CRASH_BACK_OFF)),
            FailureReason.CONTAINER_CRASHING,
            List.of("keeps crashing", CRASH_BACK_OFF, "replica logs of container \"model\"")),
        new Case(
            "unschedulable",
            o -> o.addPodProblems(
                problem(PodProblemKind.UNSCHEDULABLE, "deploy-spam-b", INSUFFICIENT_CPU)),
            FailureReason.CLUSTER_RESOURCE_INSUFFICIENT,
            List.of(
                "instance type \"cpu-only\"",
                "(pod deploy-spam-b)",
                "3 Insufficient cpu.",
                "Lower the replicas",
                "another instance type")),
        new Case(
            "deploy timeout",
            o -> o.now(DEADLINE),
            FailureReason.DEPLOY_TIMEOUT,
            List.of(
                "Deploying for 5m, which reaches the deploy timeout of 5m",
                "1 of 2 replicas available",
                "replica logs of container \"model\"",
                "events of the deployment's pods")),
        new Case(
            "progress deadline exceeded",
            o -> o.workload(workloadBuilder(2, 1).progressDeadlineExceeded(true).build()),
            FailureReason.DEPLOY_TIMEOUT,
            List.of(
                "ProgressDeadlineExceeded",
                "after deploying for 1m",
                "1 of 2 replicas available",
                "replica logs of container \"model\"")));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("failures")
  void failsWithAMessageToActOn(Case failure) {
    Evaluation evaluation = PhaseEvaluator.evaluate(failure.observation());

    assertThat(evaluation.phase()).isEqualTo(Phase.FAILED);
    assertThat(evaluation.reason()).isEqualTo(failure.reason());
    assertThat(evaluation.message()).contains(failure.phrases());
    assertThat(evaluation.failure()).contains(new Failure(failure.reason(), evaluation.message()));
    assertThat(evaluation.replicas()).isEqualTo(2);
    assertThat(evaluation.recheckAt()).isNull();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("failures")
  void recoversOnceTheProblemIsGoneAndTheReplicasAreAvailable(Case failure) {
    Observation recovered =
        Observation.builder()
            .from(failure.observation())
            .quotaFailure(null)
            .podProblems(List.of())
            .workload(workload(2, 2))
            .build();

    Evaluation evaluation = PhaseEvaluator.evaluate(recovered);

    assertThat(evaluation.phase()).isEqualTo(Phase.DEPLOYED);
    assertThat(evaluation.reason()).isNull();
    assertThat(evaluation.failure()).isEmpty();
  }

  @Test
  void everyFailureReasonIsReachable() {
    Set<FailureReason> reached =
        failures().map(Case::reason).collect(Collectors.toCollection(HashSet::new));
    reached.addAll(CONFIGURATION_REASONS);

    assertThat(reached).containsExactlyInAnyOrder(FailureReason.values());
  }

  @ParameterizedTest
  @EnumSource(FailureReason.class)
  void configurationFailurePassesThroughAndReleasesTheReplicas(FailureReason reason) {
    Failure failure = new Failure(reason, "Group 'phusers' is not found in the catalog.");

    Evaluation evaluation =
        PhaseEvaluator.evaluate(rolledOut().configurationFailure(failure).build());

    assertThat(evaluation.failure()).contains(failure);
    assertThat(evaluation.phase()).isEqualTo(Phase.FAILED);
    assertThat(evaluation.replicas()).isZero();
    assertThat(evaluation.availableReplicas()).isEqualTo(2);
  }

  @ParameterizedTest
  @EnumSource(FailureReason.class)
  void quotaFailurePassesThrough(FailureReason reason) {
    Failure failure = new Failure(reason, "short by cpu 1");

    assertThat(PhaseEvaluator.evaluate(rollingOut().quotaFailure(failure).build()).failure())
        .contains(failure);
  }

  @Test
  void everyPhaseIsReachable() {
    Set<Phase> reached =
        Stream.of(
                rollingOut(),
                rolledOut(),
                rolledOut().stopRequested(true),
                rolledOut().stopRequested(true).podsPresent(0),
                rollingOut().now(DEADLINE))
            .map(o -> PhaseEvaluator.evaluate(o.build()).phase())
            .collect(Collectors.toSet());

    assertThat(reached).containsExactlyInAnyOrder(Phase.values());
  }

  @Nested
  class Deploying {

    @Test
    void reportsProgressAndRechecksAtTheDeadline() {
      Evaluation evaluation = PhaseEvaluator.evaluate(rollingOut().build());

      assertThat(evaluation.phase()).isEqualTo(Phase.DEPLOYING);
      assertThat(evaluation.reason()).isNull();
      assertThat(evaluation.failure()).isEmpty();
      assertThat(evaluation.message())
          .isEqualTo("Deploying: 1 of 2 replicas available; rolling out: 2 of 2 updated, 1 ready.");
      assertThat(evaluation.replicas()).isEqualTo(2);
      assertThat(evaluation.availableReplicas()).isEqualTo(1);
      assertThat(evaluation.recheckAt()).isEqualTo(DEADLINE);
    }

    @Test
    void oneNanosecondBeforeTheDeadlineIsStillDeploying() {
      Evaluation evaluation =
          PhaseEvaluator.evaluate(rollingOut().now(DEADLINE.minusNanos(1)).build());

      assertThat(evaluation.phase()).isEqualTo(Phase.DEPLOYING);
      assertThat(evaluation.recheckAt()).isEqualTo(DEADLINE);
    }

    @Test
    void atTheDeadlineItHasTimedOut() {
      Evaluation evaluation = PhaseEvaluator.evaluate(rollingOut().now(DEADLINE).build());

      assertThat(evaluation.phase()).isEqualTo(Phase.FAILED);
      assertThat(evaluation.reason()).isEqualTo(FailureReason.DEPLOY_TIMEOUT);
      assertThat(evaluation.recheckAt()).isNull();
    }

    @Test
    void waitsForTheDeploymentToBeCreated() {
      Evaluation evaluation = PhaseEvaluator.evaluate(rollingOut().workload(null).build());

      assertThat(evaluation.phase()).isEqualTo(Phase.DEPLOYING);
      assertThat(evaluation.availableReplicas()).isZero();
      assertThat(evaluation.message())
          .isEqualTo(
              "Deploying: 0 of 2 replicas available; waiting for the Deployment to be created.");
    }

    @Test
    void waitsForTheDeploymentToTakeUpItsSpec() {
      WorkloadFacts previousSpec = workloadBuilder(2, 2).generation(3).build();

      Evaluation evaluation = PhaseEvaluator.evaluate(rollingOut().workload(previousSpec).build());

      assertThat(evaluation.phase()).isEqualTo(Phase.DEPLOYING);
      assertThat(evaluation.message()).contains("waiting for Kubernetes to take up");
    }

    @Test
    void waitsForThePodsOfTheOldSpecToGo() {
      WorkloadFacts surge = workloadBuilder(3, 2).updatedReplicas(2).build();

      Evaluation evaluation = PhaseEvaluator.evaluate(rollingOut().workload(surge).build());

      assertThat(evaluation.phase()).isEqualTo(Phase.DEPLOYING);
      assertThat(evaluation.message())
          .contains("2 of 2 replicas available")
          .contains("1 old replica still running");
    }

    @Test
    void saysWhyTheDeploymentCannotCreatePodsWhenItIsNoQuota() {
      String forbidden =
          "pods \"deploy-spam-7d9f8c-x2k4q\" is forbidden: error looking up service account"
              + " hub/spam: serviceaccount \"spam\" not found";
      WorkloadFacts failing =
          workloadBuilder(0, 0)
              .replicaFailureReason("FailedCreate")
              .replicaFailureMessage(forbidden)
              .build();

      Evaluation evaluation = PhaseEvaluator.evaluate(rollingOut().workload(failing).build());

      assertThat(evaluation.phase()).isEqualTo(Phase.DEPLOYING);
      assertThat(evaluation.message())
          .contains("the Deployment cannot create pods (FailedCreate): " + forbidden);
    }

    @Test
    void ignoresAProgressDeadlineOfAnEarlierSpec() {
      WorkloadFacts stale =
          workloadBuilder(2, 1).generation(3).progressDeadlineExceeded(true).build();

      assertThat(PhaseEvaluator.evaluate(rollingOut().workload(stale).build()).phase())
          .isEqualTo(Phase.DEPLOYING);
    }

    @Test
    void scalingToZeroWaitsForThePodsToGo() {
      Evaluation evaluation =
          PhaseEvaluator.evaluate(
              rollingOut().desiredReplicas(0).workload(workload(0, 0)).podsPresent(1).build());

      assertThat(evaluation.phase()).isEqualTo(Phase.DEPLOYING);
      assertThat(evaluation.message()).contains("scaling down: 1 pod left");
    }
  }

  @Nested
  class Deployed {

    @Test
    void whenEveryDesiredReplicaIsUpdatedAndAvailable() {
      Evaluation evaluation = PhaseEvaluator.evaluate(rolledOut().build());

      assertThat(evaluation)
          .isEqualTo(
              Evaluation.builder()
                  .phase(Phase.DEPLOYED)
                  .message("Deployed: 2 of 2 replicas available.")
                  .replicas(2)
                  .availableReplicas(2)
                  .build());
    }

    @Test
    void evenPastTheDeadline() {
      assertThat(PhaseEvaluator.evaluate(rolledOut().now(DEADLINE.plusSeconds(60)).build()).phase())
          .isEqualTo(Phase.DEPLOYED);
    }

    @Test
    void evenWhileAPodOfTheOldSpecStillReportsAProblem() {
      Observation observation =
          rolledOut()
              .podsPresent(3)
              .addPodProblems(problem(PodProblemKind.CRASH_LOOP, "deploy-spam-old", CRASH_BACK_OFF))
              .build();

      assertThat(PhaseEvaluator.evaluate(observation).phase()).isEqualTo(Phase.DEPLOYED);
    }

    @Test
    void withNoReplicasDesiredAndNoPodLeft() {
      Evaluation evaluation =
          PhaseEvaluator.evaluate(
              rollingOut().desiredReplicas(0).workload(null).podsPresent(0).build());

      assertThat(evaluation.phase()).isEqualTo(Phase.DEPLOYED);
      assertThat(evaluation.replicas()).isZero();
    }
  }

  @Nested
  class Stop {

    @Test
    void isStoppingWhilePodsAreLeft() {
      Evaluation evaluation =
          PhaseEvaluator.evaluate(rolledOut().stopRequested(true).podsPresent(2).build());

      assertThat(evaluation.phase()).isEqualTo(Phase.STOPPING);
      assertThat(evaluation.message()).isEqualTo("Stopping: 2 pods left.");
      assertThat(evaluation.replicas()).isZero();
      assertThat(evaluation.availableReplicas()).isEqualTo(2);
      assertThat(evaluation.recheckAt()).isNull();
    }

    @Test
    void isStoppedWhenNoPodIsLeft() {
      Evaluation evaluation =
          PhaseEvaluator.evaluate(
              rollingOut().stopRequested(true).workload(workload(0, 0)).podsPresent(0).build());

      assertThat(evaluation.phase()).isEqualTo(Phase.STOPPED);
      assertThat(evaluation.replicas()).isZero();
      assertThat(evaluation.availableReplicas()).isZero();
    }

    @Test
    void winsOverQuotaAndPodProblemsAndTimeout() {
      Observation observation =
          rollingOut()
              .stopRequested(true)
              .quotaFailure(QUOTA_SHORTFALL)
              .workload(denied(WEBHOOK_DENIAL))
              .addPodProblems(problem(PodProblemKind.IMAGE_PULL, "deploy-spam-a", PULL_BACK_OFF))
              .now(DEADLINE)
              .build();

      assertThat(PhaseEvaluator.evaluate(observation).phase()).isEqualTo(Phase.STOPPING);
    }
  }

  @Nested
  class CatalogOutage {

    private static final String OUTAGE =
        "POST https://hub.example/api/graphql answered 503 Service Unavailable";

    @Test
    void keepsThePreviousFailureAndSaysWhy() {
      String previous = "The model image \"" + IMAGE + "\" cannot be pulled.";
      Observation observation =
          rollingOut()
              .catalogOutage(OUTAGE)
              .previousPhase(Phase.FAILED)
              .previousReason(FailureReason.IMAGE_PULL_FAILED)
              .previousMessage(previous)
              .build();

      Evaluation evaluation = PhaseEvaluator.evaluate(observation);

      assertThat(evaluation.phase()).isEqualTo(Phase.FAILED);
      assertThat(evaluation.reason()).isEqualTo(FailureReason.IMAGE_PULL_FAILED);
      assertThat(evaluation.message())
          .isEqualTo(
              "The catalog of groups and instance types cannot be read (" + OUTAGE + "); the"
                  + " running resources are left untouched and the controller will retry."
                  + " Before the outage: " + previous);
    }

    @Test
    void givesTheSameMessageWhenEvaluatedAgain() {
      ImmutableObservation.Builder outage =
          rolledOut()
              .catalogOutage(OUTAGE)
              .previousPhase(Phase.DEPLOYED)
              .previousMessage("Deployed.");
      Evaluation first = PhaseEvaluator.evaluate(outage.build());

      Evaluation again = PhaseEvaluator.evaluate(outage.previousMessage(first.message()).build());

      assertThat(again).isEqualTo(first);
      assertThat(again.message()).endsWith("Before the outage: Deployed.");
    }

    @Test
    void isDeployingWithoutAPreviousPhase() {
      Evaluation evaluation = PhaseEvaluator.evaluate(rollingOut().catalogOutage(OUTAGE).build());

      assertThat(evaluation.phase()).isEqualTo(Phase.DEPLOYING);
      assertThat(evaluation.reason()).isNull();
      assertThat(evaluation.message()).contains(OUTAGE).doesNotContain("Before the outage");
    }

    @Test
    void keepsAReasonOnlyWithFailed() {
      Observation observation =
          rolledOut()
              .catalogOutage(OUTAGE)
              .previousPhase(Phase.DEPLOYED)
              .previousReason(FailureReason.DEPLOY_TIMEOUT)
              .build();

      Evaluation evaluation = PhaseEvaluator.evaluate(observation);

      assertThat(evaluation.phase()).isEqualTo(Phase.DEPLOYED);
      assertThat(evaluation.reason()).isNull();
    }

    @Test
    void winsOverStopAndPodProblems() {
      Observation observation =
          rollingOut()
              .catalogOutage(OUTAGE)
              .previousPhase(Phase.DEPLOYING)
              .stopRequested(true)
              .addPodProblems(problem(PodProblemKind.IMAGE_PULL, "deploy-spam-a", PULL_BACK_OFF))
              .build();

      assertThat(PhaseEvaluator.evaluate(observation).phase()).isEqualTo(Phase.DEPLOYING);
    }
  }

  @Nested
  class Precedence {

    @Test
    void configurationFailureBeatsEverything() {
      Failure notEnabled =
          new Failure(
              FailureReason.DEPLOYMENT_NOT_ENABLED,
              "Model deployment is not enabled for group phusers.");
      Observation observation =
          rolledOut()
              .configurationFailure(notEnabled)
              .catalogOutage("connection refused")
              .previousPhase(Phase.DEPLOYED)
              .stopRequested(true)
              .quotaFailure(QUOTA_SHORTFALL)
              .addPodProblems(problem(PodProblemKind.IMAGE_PULL, "deploy-spam-a", PULL_BACK_OFF))
              .now(DEADLINE)
              .build();

      Evaluation evaluation = PhaseEvaluator.evaluate(observation);

      assertThat(evaluation.failure()).contains(notEnabled);
      assertThat(evaluation.replicas()).isZero();
    }

    @Test
    void quotaPreCheckBeatsACompleteRollout() {
      assertThat(
              PhaseEvaluator.evaluate(rolledOut().quotaFailure(QUOTA_SHORTFALL).build()).failure())
          .contains(QUOTA_SHORTFALL);
    }

    @Test
    void theMostSpecificProblemComesFirst() {
      List<PodProblem> leastSpecificFirst =
          List.of(
              problem(PodProblemKind.UNSCHEDULABLE, "deploy-spam-e", INSUFFICIENT_CPU),
              problem(PodProblemKind.CRASH_LOOP, "deploy-spam-d", CRASH_BACK_OFF),
              problem(PodProblemKind.INIT_FAILED, "deploy-spam-c", "exited with code 1"),
              problem(PodProblemKind.IMAGE_PULL, "deploy-spam-b", PULL_BACK_OFF),
              problem(PodProblemKind.IMAGE_INVALID, "deploy-spam-a", INVALID_IMAGE_NAME));
      List<FailureReason> reasons = new ArrayList<>();
      Observation everything =
          rollingOut().workload(denied(WEBHOOK_DENIAL)).podProblems(leastSpecificFirst).build();
      reasons.add(PhaseEvaluator.evaluate(everything).reason());
      // Solve the most specific problem, one after another.
      for (int left = leastSpecificFirst.size(); left > 0; left--) {
        Observation observation =
            rollingOut().podProblems(leastSpecificFirst.subList(0, left)).build();
        reasons.add(PhaseEvaluator.evaluate(observation).reason());
      }

      assertThat(reasons)
          .containsExactly(
              FailureReason.GROUP_QUOTA_EXCEEDED,
              FailureReason.IMAGE_INVALID,
              FailureReason.IMAGE_PULL_FAILED,
              FailureReason.MODEL_STORAGE_INIT_FAILED,
              FailureReason.CONTAINER_CRASHING,
              FailureReason.CLUSTER_RESOURCE_INSUFFICIENT);
    }

    @Test
    void aProblemBeatsTheTimeout() {
      Observation observation =
          rollingOut()
              .now(DEADLINE.plus(Duration.ofHours(1)))
              .addPodProblems(problem(PodProblemKind.IMAGE_PULL, "deploy-spam-a", PULL_BACK_OFF))
              .build();

      assertThat(PhaseEvaluator.evaluate(observation).reason())
          .isEqualTo(FailureReason.IMAGE_PULL_FAILED);
    }
  }

  @Nested
  class Messages {

    @Test
    void nameThreePodsAndCountTheRest() {
      ImmutableObservation.Builder observation = rollingOut().desiredReplicas(5);
      for (String pod : List.of("p1", "p2", "p2", "p3", "p4", "p5")) {
        observation.addPodProblems(problem(PodProblemKind.CRASH_LOOP, pod, CRASH_BACK_OFF));
      }

      assertThat(PhaseEvaluator.evaluate(observation.build()).message())
          .contains("(5 pods: p1, p2, p3 and 2 more)");
    }

    @Test
    void endKubernetesSentencesOnce() {
      Observation observation =
          rollingOut()
              .addPodProblems(
                  problem(
                      PodProblemKind.UNSCHEDULABLE, "deploy-spam-b", "0/3 nodes are available."))
              .build();

      assertThat(PhaseEvaluator.evaluate(observation).message())
          .contains("0/3 nodes are available. Lower")
          .doesNotContain("..");
    }
  }

  @Nested
  class Checks {

    @Test
    void rejectNegativeReplicas() {
      assertThatIllegalStateException()
          .isThrownBy(() -> rollingOut().desiredReplicas(-1).build())
          .withMessageContaining("desiredReplicas");
    }

    @Test
    void rejectATimeoutThatIsNotPositive() {
      assertThatIllegalStateException()
          .isThrownBy(() -> rollingOut().deployTimeout(Duration.ZERO).build())
          .withMessageContaining("deployTimeout");
    }

    @Test
    void rejectAReasonOutsideFailed() {
      assertThatIllegalStateException()
          .isThrownBy(
              () ->
                  Evaluation.builder()
                      .phase(Phase.DEPLOYED)
                      .reason(FailureReason.DEPLOY_TIMEOUT)
                      .message("Deployed.")
                      .replicas(1)
                      .availableReplicas(1)
                      .build())
          .withMessageContaining("DeployTimeout");
    }
  }

  private static WorkloadFacts denied(String denial) {
    return workloadBuilder(0, 0)
        .replicaFailureReason("FailedCreate")
        .replicaFailureMessage(denial)
        .build();
  }
}
