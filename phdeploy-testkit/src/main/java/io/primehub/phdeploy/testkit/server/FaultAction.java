package io.primehub.phdeploy.testkit.server;

import java.time.Duration;

/** What an injected fault does to the request it hits. */
sealed interface FaultAction {

  /** Answers with this HTTP code and a {@code Status} body instead of serving the request. */
  record Respond(int code) implements FaultAction {}

  /** Serves the request but sends the answer's body this much later. */
  record Delay(Duration delay) implements FaultAction {}

  /** Accepts a watch, then closes its connection at once, as a dropped network link would. */
  record DropWatch() implements FaultAction {}
}
