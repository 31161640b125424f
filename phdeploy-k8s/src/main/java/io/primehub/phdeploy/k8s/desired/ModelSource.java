package io.primehub.phdeploy.k8s.desired;

import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.VolumeBuilder;
import io.primehub.phdeploy.core.Nullable;
import io.primehub.phdeploy.k8s.config.ControllerConfig;
import java.util.ArrayList;
import java.util.List;

/**
 * Where the storage initializer reads a model from, decided by the scheme of its
 * {@code modelURI}: remote URIs ({@code gs://}, {@code s3://}, {@code http(s)://},
 * {@code models:/}) are passed on as they are; volume URIs ({@code pvc://<claim>/<path>},
 * {@code nfs://<server>/<path>}, {@code phfs://<path>}) become a read-only volume mounted into
 * the init container and a path inside it.
 *
 * @param path what the initializer copies from: the URI, or a path in the mounted volume
 * @param volume the volume to read from, named {@value #VOLUME}; absent for a remote URI
 * @param mountPath where the init container mounts {@code volume}, read-only; absent for a
 *     remote URI
 * @param env what the initializer needs to know besides the path
 */
record ModelSource(
    String path, @Nullable Volume volume, @Nullable String mountPath, List<EnvVar> env) {

  /** The name of the volume a volume URI is read from. */
  static final String VOLUME = "model-source";

  /** The environment variable that tells the initializer where MLflow tracks models. */
  static final String MLFLOW_TRACKING_URI = "MLFLOW_TRACKING_URI";

  private static final String PVC_MOUNT = "/mnt/pvc";
  private static final String NFS_MOUNT = "/mnt/nfs";
  private static final String PHFS_MOUNT = "/phfs";

  /**
   * The source of a model URI.
   *
   * @throws IllegalArgumentException if the scheme is not supported, a volume URI lacks its
   *     claim or server, or its path climbs out of the volume with {@code ..}
   */
  static ModelSource of(String modelUri, ControllerConfig config) {
    int colon = modelUri.indexOf(':');
    String scheme = colon < 0 ? "" : modelUri.substring(0, colon);
    return switch (scheme) {
      case "gs", "s3", "http", "https" -> new ModelSource(modelUri, null, null, List.of());
      case "models" -> new ModelSource(modelUri, null, null, mlflowEnv(config));
      case "pvc" -> {
        VolumeUri uri = VolumeUri.parse(modelUri, scheme, "claim");
        yield fromClaim(uri.authority(), PVC_MOUNT, uri.path());
      }
      case "nfs" -> {
        VolumeUri uri = VolumeUri.parse(modelUri, scheme, "server");
        Volume nfs = new VolumeBuilder()
            .withName(VOLUME)
            .withNewNfs()
            .withServer(uri.authority())
            .withPath("/" + uri.path())
            .withReadOnly(true)
            .endNfs()
            .build();
        yield new ModelSource(NFS_MOUNT, nfs, NFS_MOUNT, List.of());
      }
      case "phfs" -> fromClaim(
          config.phfsClaimName(), PHFS_MOUNT, VolumeUri.parse(modelUri, scheme, null).path());
      default -> throw new IllegalArgumentException("modelURI '" + modelUri + "' has no supported"
          + " scheme; use gs://, s3://, http(s)://, pvc://, nfs://, phfs:// or models:/");
    };
  }

  private static ModelSource fromClaim(String claim, String mountPath, String path) {
    Volume volume = new VolumeBuilder()
        .withName(VOLUME)
        .withNewPersistentVolumeClaim(claim, true)
        .build();
    String source = path.isEmpty() ? mountPath : mountPath + "/" + path;
    return new ModelSource(source, volume, mountPath, List.of());
  }

  private static List<EnvVar> mlflowEnv(ControllerConfig config) {
    String tracking = config.mlflowTrackingUri();
    return tracking == null ? List.of() : List.of(new EnvVar(MLFLOW_TRACKING_URI, tracking, null));
  }

  /**
   * A volume URI {@code <scheme>://[<authority>/]<path>}, its path relative to the volume with
   * empty segments dropped.
   */
  private record VolumeUri(String authority, String path) {

    /**
     * Splits a volume URI; {@code authorityName} names what its first segment is, or is
     * {@code null} when the URI has no authority.
     */
    static VolumeUri parse(String modelUri, String scheme, @Nullable String authorityName) {
      String prefix = scheme + "://";
      if (!modelUri.startsWith(prefix)) {
        throw new IllegalArgumentException("modelURI '" + modelUri + "' must start with " + prefix);
      }
      List<String> segments =
          new ArrayList<>(List.of(modelUri.substring(prefix.length()).split("/", -1)));
      String authority = "";
      if (authorityName != null) {
        authority = segments.remove(0);
        if (authority.isEmpty()) {
          throw new IllegalArgumentException(
              "modelURI '" + modelUri + "' must name a " + authorityName + " after " + prefix);
        }
      }
      segments.removeIf(String::isEmpty);
      if (segments.contains("..")) {
        throw new IllegalArgumentException(
            "modelURI '" + modelUri + "' must not climb out of its volume with '..'");
      }
      return new VolumeUri(authority, String.join("/", segments));
    }
  }
}
