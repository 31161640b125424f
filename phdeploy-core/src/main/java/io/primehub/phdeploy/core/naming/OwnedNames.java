package io.primehub.phdeploy.core.naming;

/** The names of the resources a deployment owns, all {@code deploy-<name>}. */
public final class OwnedNames {

  /** What precedes the deployment's name in the names of its owned resources. */
  public static final String PREFIX = "deploy-";

  /** Kubernetes' limit for a DNS-1123 label, which Service names must be. */
  public static final int MAX_LABEL_LENGTH = 63;

  /** The longest deployment name whose owned names still fit a DNS-1123 label. */
  public static final int MAX_DEPLOYMENT_NAME_LENGTH = MAX_LABEL_LENGTH - PREFIX.length();

  private OwnedNames() {}

  /** {@code deploy-<name>}: the Deployment, Service, Ingress and Secret of a deployment. */
  public static String of(String deploymentName) {
    return PREFIX + deploymentName;
  }
}
