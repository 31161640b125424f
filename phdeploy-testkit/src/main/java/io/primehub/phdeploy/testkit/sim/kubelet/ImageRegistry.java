package io.primehub.phdeploy.testkit.sim.kubelet;

import java.util.Collection;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The registries the simulated kubelet pulls from. Every valid image exists, until
 * {@link #remove(String) removed}; a {@link #requirePullSecret private} image is pulled only by a
 * pod that names its pull secret. Images are matched by reference, an untagged one standing for
 * {@code :latest}. Changes apply to containers still waiting for their image at once.
 */
public final class ImageRegistry {

  private final Set<String> missing = ConcurrentHashMap.newKeySet();
  private final Map<String, String> secrets = new ConcurrentHashMap<>();
  private final Runnable onChange;

  /**
   * A registry holding every image.
   *
   * @param onChange called after every change, so that waiting containers try again
   */
  public ImageRegistry(Runnable onChange) {
    this.onChange = onChange;
  }

  /** Makes this image unknown: pulling it fails with {@code ErrImagePull}, then backs off. */
  public ImageRegistry remove(String image) {
    missing.add(ImageReferences.qualified(image));
    onChange.run();
    return this;
  }

  /**
   * Makes this image private: only a pod whose {@code imagePullSecrets} name this secret may pull
   * it; others fail as with a missing image, with an authorization message.
   */
  public ImageRegistry requirePullSecret(String image, String secretName) {
    secrets.put(ImageReferences.qualified(image), Objects.requireNonNull(secretName, "secretName"));
    onChange.run();
    return this;
  }

  /** Makes this image public and present again. */
  public ImageRegistry restore(String image) {
    String qualified = ImageReferences.qualified(image);
    missing.remove(qualified);
    secrets.remove(qualified);
    onChange.run();
    return this;
  }

  /**
   * Pulls an image as a pod with these pull secrets would.
   *
   * @param pullSecrets the names of the pod's {@code imagePullSecrets}
   */
  public PullResult pull(String image, Collection<String> pullSecrets) {
    var invalid = ImageReferences.problem(image);
    if (invalid.isPresent()) {
      return PullResult.invalid(invalid.get());
    }
    String qualified = ImageReferences.qualified(image);
    String prefix = "rpc error: code = %s desc = failed to pull and unpack image \"" + qualified
        + "\": failed to resolve reference \"" + qualified + "\": ";
    if (missing.contains(qualified)) {
      return PullResult.failed(prefix.formatted("NotFound") + qualified + ": not found");
    }
    String secret = secrets.get(qualified);
    if (secret != null && !pullSecrets.contains(secret)) {
      return PullResult.failed(prefix.formatted("Unknown") + "pull access denied, repository does"
          + " not exist or may require authorization: server message: insufficient_scope:"
          + " authorization failed");
    }
    return PullResult.PULLED;
  }
}
