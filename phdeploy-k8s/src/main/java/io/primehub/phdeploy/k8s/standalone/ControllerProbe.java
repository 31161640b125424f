package io.primehub.phdeploy.k8s.standalone;

import java.util.List;

/** What the health endpoints ask of a running controller. */
public interface ControllerProbe {

  /** Whether every informer watches. */
  boolean healthy();

  /** The kinds whose informer does not watch now. */
  List<String> unhealthyKinds();

  /** Whether the controller started and processes, or stands by as a follower of the election. */
  boolean ready();
}
