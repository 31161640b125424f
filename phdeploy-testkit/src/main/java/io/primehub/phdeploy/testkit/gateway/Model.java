package io.primehub.phdeploy.testkit.gateway;

import io.primehub.phdeploy.core.seldon.SeldonMessage;

/**
 * A model as the gateway runs it in place of a model server: a function from a Seldon request to
 * a Seldon response. Register one for an image with {@link ModelRegistry#serve}; every pod whose
 * {@code model} container runs that image answers with it. A model may be called from several
 * threads at once.
 */
@FunctionalInterface
public interface Model {

  /**
   * Answers a prediction request.
   *
   * @param request the request as the client sent it
   * @return the response; the gateway answers {@code 200} with it
   * @throws Exception to fail the call, which the gateway answers with {@code 500} and a Seldon
   *     failure naming the exception
   */
  SeldonMessage predict(SeldonMessage request) throws Exception;
}
