package io.primehub.phdeploy.testkit.gateway;

/**
 * Why a request gets no prediction, carrying the reply that says so. Each step of handling a
 * request throws one to stop there, which keeps the steps a straight line.
 */
final class Refusal extends Exception {

  private final Reply reply;

  /** A refusal answered with a Seldon failure of this status and information. */
  Refusal(int status, String info) {
    this(Reply.failure(status, info));
  }

  /** A refusal answered with {@code reply}. */
  Refusal(Reply reply) {
    // The reply says all there is to know; a stack trace would only cost time.
    super(reply.json(), null, false, false);
    this.reply = reply;
  }

  /** The reply to send. */
  Reply reply() {
    return reply;
  }
}
