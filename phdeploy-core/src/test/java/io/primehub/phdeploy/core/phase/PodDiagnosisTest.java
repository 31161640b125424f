package io.primehub.phdeploy.core.phase;

import static io.primehub.phdeploy.core.phase.Observations.CRASH_BACK_OFF;
import static io.primehub.phdeploy.core.phase.Observations.INSUFFICIENT_CPU;
import static io.primehub.phdeploy.core.phase.Observations.INVALID_IMAGE_NAME;
import static io.primehub.phdeploy.core.phase.Observations.PULL_BACK_OFF;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class PodDiagnosisTest {

  private static final String POD = "deploy-spam-7d9f8c-x2k4q";

  static Stream<Arguments> waitingContainers() {
    return Stream.of(
        Arguments.of(false, "InvalidImageName", INVALID_IMAGE_NAME, PodProblemKind.IMAGE_INVALID),
        Arguments.of(
            false,
            "ErrImagePull",
            "rpc error: code = NotFound desc = failed to pull and unpack image"
                + " \"registry.example/spam:1.0.3\": not found",
            PodProblemKind.IMAGE_PULL),
        Arguments.of(false, "ImagePullBackOff", PULL_BACK_OFF, PodProblemKind.IMAGE_PULL),
        Arguments.of(
            false,
            "ErrImageNeverPull",
            "Container image \"registry.example/spam:1.0.3\" is not present with pull policy of"
                + " Never",
            PodProblemKind.IMAGE_PULL),
        Arguments.of(
            false,
            "RegistryUnavailable",
            "image pull failed for registry.example/spam:1.0.3 because the registry is"
                + " unavailable",
            PodProblemKind.IMAGE_PULL),
        Arguments.of(false, "CrashLoopBackOff", CRASH_BACK_OFF, PodProblemKind.CRASH_LOOP),
        Arguments.of(
            true,
            "CrashLoopBackOff",
            "back-off 40s restarting failed container=storage-initializer pod=" + POD + "_hub",
            PodProblemKind.INIT_FAILED));
  }

  @ParameterizedTest(name = "{1} (init {0}) is {3}")
  @MethodSource("waitingContainers")
  void classifiesWaitingReasons(
      boolean init, String reason, String message, PodProblemKind expected) {
    ContainerFacts container =
        ContainerFacts.builder()
            .name(init ? "storage-initializer" : "model")
            .init(init)
            .waitingReason(reason)
            .waitingMessage(message)
            .restartCount(3)
            .build();

    assertThat(PodDiagnosis.problems(pod(container)))
        .containsExactly(new PodProblem(expected, POD, message));
  }

  @Test
  void modelContainerThatExitedWithAnErrorAfterARestartIsCrashLooping() {
    ContainerFacts container =
        ContainerFacts.builder()
            .name("model")
            .terminatedExitCode(137)
            .terminatedReason("OOMKilled")
            .restartCount(1)
            .build();

    assertThat(PodDiagnosis.problems(pod(container)))
        .containsExactly(
            new PodProblem(
                PodProblemKind.CRASH_LOOP,
                POD,
                "container \"model\" exited with code 137 (OOMKilled) after 1 restart"));
  }

  @Test
  void aPodOfAnOlderTemplateIsBeingReplacedSoItsProblemsDoNotCount() {
    ContainerFacts pulling =
        ContainerFacts.builder().name("model").waitingReason("ImagePullBackOff")
            .waitingMessage("Back-off pulling image \"registry.example/spam:5\"").build();
    PodFacts replaced = PodFacts.builder().from(pod(pulling)).current(false).build();

    assertThat(PodDiagnosis.problems(pod(pulling))).hasSize(1);
    assertThat(PodDiagnosis.problems(replaced)).isEmpty();
  }

  @Test
  void modelContainerThatExitedWithAnErrorOnceIsGivenItsRestart() {
    ContainerFacts container =
        ContainerFacts.builder()
            .name("model")
            .terminatedExitCode(1)
            .terminatedReason("Error")
            .build();

    assertThat(PodDiagnosis.problems(pod(container))).isEmpty();
  }

  @Test
  void initContainerThatExitedWithAnErrorFailedAtOnce() {
    ContainerFacts container =
        ContainerFacts.builder()
            .name("storage-initializer")
            .init(true)
            .terminatedExitCode(1)
            .build();

    assertThat(PodDiagnosis.problems(pod(container)))
        .containsExactly(
            new PodProblem(
                PodProblemKind.INIT_FAILED,
                POD,
                "container \"storage-initializer\" exited with code 1 after 0 restarts"));
  }

  @Test
  void imageProblemOfTheInitContainerIsTheStorageInitializersImage() {
    ContainerFacts container =
        ContainerFacts.builder()
            .name("storage-initializer")
            .init(true)
            .waitingReason("ImagePullBackOff")
            .waitingMessage("Back-off pulling image \"kserve/storage-initializer:v0.11.0\"")
            .build();

    assertThat(PodDiagnosis.problems(pod(container)))
        .containsExactly(
            new PodProblem(
                PodProblemKind.INIT_FAILED,
                POD,
                "the storage initializer image (init container \"storage-initializer\") cannot"
                    + " be used: Back-off pulling image \"kserve/storage-initializer:v0.11.0\""));
  }

  @Test
  void waitingReasonWithoutMessageIsNamed() {
    ContainerFacts container =
        ContainerFacts.builder().name("model").waitingReason("ErrImagePull").build();

    assertThat(PodDiagnosis.problems(pod(container)))
        .extracting(PodProblem::message)
        .containsExactly("container \"model\" is waiting: ErrImagePull");
  }

  @Test
  void unschedulablePodCarriesTheSchedulersMessage() {
    PodFacts pod = PodFacts.builder().podName(POD).unschedulableMessage(INSUFFICIENT_CPU).build();

    assertThat(PodDiagnosis.problems(pod))
        .containsExactly(new PodProblem(PodProblemKind.UNSCHEDULABLE, POD, INSUFFICIENT_CPU));
  }

  @Test
  void reportsEveryContainersProblemInOrder() {
    PodFacts pod =
        pod(
            ContainerFacts.builder()
                .name("model")
                .waitingReason("CrashLoopBackOff")
                .waitingMessage(CRASH_BACK_OFF)
                .build(),
            ContainerFacts.builder()
                .name("seldon-container-engine")
                .waitingReason("ImagePullBackOff")
                .waitingMessage("Back-off pulling image \"seldonio/engine:1.0\"")
                .build());

    assertThat(PodDiagnosis.problems(pod))
        .extracting(PodProblem::kind)
        .containsExactly(PodProblemKind.CRASH_LOOP, PodProblemKind.IMAGE_PULL);
  }

  @Test
  void healthyPodsHaveNoProblem() {
    PodFacts starting =
        pod(
            ContainerFacts.builder()
                .name("storage-initializer")
                .init(true)
                .terminatedExitCode(0)
                .terminatedReason("Completed")
                .build(),
            ContainerFacts.builder().name("model").waitingReason("ContainerCreating").build());
    PodFacts running =
        PodFacts.builder()
            .podName(POD)
            .addContainers(ContainerFacts.builder().name("model").restartCount(2).build())
            .ready(true)
            .build();

    assertThat(PodDiagnosis.problems(starting)).isEmpty();
    assertThat(PodDiagnosis.problems(running)).isEmpty();
  }

  private static PodFacts pod(ContainerFacts... containers) {
    return PodFacts.builder().podName(POD).containers(List.of(containers)).build();
  }
}
