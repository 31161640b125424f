package io.primehub.phdeploy.examples.pipeline;

import java.net.URI;

/** A check that a freshly deployed model answers as it should, through its endpoint. */
@FunctionalInterface
public interface SmokeTest {

  /**
   * Sends one or more predictions to the endpoint.
   *
   * @throws Exception describing what was wrong, if the model does not answer as it should
   */
  void check(URI endpoint) throws Exception;
}
