package io.primehub.phdeploy.core.naming;

/**
 * The names of the containers in a deployment's pods. PrimeHub shows a replica's log from the
 * {@value #MODEL} container, so these names are part of the wire contract.
 */
public final class ContainerNames {

  /** The user's model server. */
  public static final String MODEL = "model";

  /** Seldon's engine, which takes prediction requests and calls the model. */
  public static final String ENGINE = "seldon-container-engine";

  /** The init container that copies the model from its URI before the others start. */
  public static final String STORAGE_INITIALIZER = "model-storage-initializer";

  private ContainerNames() {}
}
