package io.primehub.phdeploy.k8s.desired;

/**
 * The ingress-nginx annotations phdeploy writes on a deployment's Ingress, and the key of the
 * htpasswd file in a private endpoint's Secret. Whatever reads those objects (the testkit's
 * gateway, tools) reads them by these names.
 */
public final class IngressAnnotations {

  /** The prefix of ingress-nginx annotations. */
  public static final String NGINX = "nginx.ingress.kubernetes.io/";

  /** Rewrites the matched path to the capture group. */
  public static final String REWRITE_TARGET = NGINX + "rewrite-target";

  /** Makes the path a regular expression. */
  public static final String USE_REGEX = NGINX + "use-regex";

  /** Present on a private endpoint's Ingress; its value is {@code basic}. */
  public static final String AUTH_TYPE = NGINX + "auth-type";

  /** The Secret holding the htpasswd file: {@code <name>} or {@code <namespace>/<name>}. */
  public static final String AUTH_SECRET = NGINX + "auth-secret";

  /** How the Secret holds the credentials: {@code auth-file}, one htpasswd file. */
  public static final String AUTH_SECRET_TYPE = NGINX + "auth-secret-type";

  /** The realm of the basic-authentication challenge. */
  public static final String AUTH_REALM = NGINX + "auth-realm";

  /** The key of the Secret that holds the htpasswd file. */
  public static final String HTPASSWD_KEY = "auth";

  private IngressAnnotations() {}
}
