package io.primehub.phdeploy.k8s.controller.processing;

/** What the caches tell the controller about: which deployments to look at again. */
interface CacheEvents {

  /** Something the deployment {@code namespace/name} owns or is changed. */
  void changed(String key);

  /**
   * A pod of a group went away or stopped running, so the group's quota has room again; the
   * label is the escaped group name pods carry.
   */
  void groupFreed(String namespace, String groupLabel);
}
