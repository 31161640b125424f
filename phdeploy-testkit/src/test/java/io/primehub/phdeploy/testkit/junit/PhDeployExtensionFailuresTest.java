package io.primehub.phdeploy.testkit.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;
import static org.junit.platform.testkit.engine.EventConditions.finishedWithFailure;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.instanceOf;

import io.primehub.phdeploy.testkit.ManualClock;
import io.primehub.phdeploy.testkit.PhDeployEnvironment;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Events;

/**
 * How {@link PhDeployTest} fails a test that asks for what it cannot give: each failure is a
 * {@link ParameterResolutionException} whose message says what to do. The classes below are
 * run by the JUnit engine from inside these tests (Surefire skips nested classes).
 */
class PhDeployExtensionFailuresTest {

  @Test
  void aManualClockWithoutManualClockSaysToAskForIt() {
    assertThat(failureOf(AsksForAManualClock.class)).isEqualTo(
        "a ManualClock parameter needs @PhDeployTest(manualClock = true)");
  }

  @Test
  void anEnvironmentInBeforeAllSaysWhereToAskForIt() {
    assertThat(failureOf(AsksInBeforeAll.class)).isEqualTo(
        "@PhDeployTest gives each test its own environment; ask for it in a test method or in"
            + " @BeforeEach/@AfterEach, not in @BeforeAll/@AfterAll");
  }

  @Test
  void theExtensionWithoutTheAnnotationSaysWhichClassLacksIt() {
    assertThat(failureOf(ExtendedButNotAnnotated.class)).isEqualTo(
        ExtendedButNotAnnotated.class.getName() + " is not annotated @PhDeployTest");
  }

  /** The message of the one ParameterResolutionException that running the class ends with. */
  private static String failureOf(Class<?> testClass) {
    Events failed = EngineTestKit.engine("junit-jupiter").selectors(selectClass(testClass))
        .execute().allEvents().failed();
    failed.assertThatEvents().singleElement()
        .is(finishedWithFailure(instanceOf(ParameterResolutionException.class)));
    return failed.stream().findFirst().orElseThrow()
        .getPayload(TestExecutionResult.class).orElseThrow()
        .getThrowable().orElseThrow().getMessage();
  }

  @PhDeployTest
  static class AsksForAManualClock {
    @Test
    void test(ManualClock clock) {
      assertThat(clock).isNotNull();
    }
  }

  @PhDeployTest
  static class AsksInBeforeAll {
    @BeforeAll
    static void beforeAll(PhDeployEnvironment env) {
      assertThat(env).isNotNull();
    }

    @Test
    void test() {
      // Never runs: the class fails before.
    }
  }

  @ExtendWith(PhDeployExtension.class)
  static class ExtendedButNotAnnotated {
    @Test
    void test(PhDeployEnvironment env) {
      assertThat(env).isNotNull();
    }
  }
}
