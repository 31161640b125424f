package io.primehub.phdeploy.core.phase;

/** What kind of trouble keeps a pod of a deployment from serving. */
public enum PodProblemKind {
  /** The model image reference cannot be parsed ({@code InvalidImageName}). */
  IMAGE_INVALID,
  /** A container image cannot be pulled ({@code ErrImagePull}, {@code ImagePullBackOff}, …). */
  IMAGE_PULL,
  /** The scheduler finds no node for the pod. */
  UNSCHEDULABLE,
  /** A main container keeps exiting and being restarted. */
  CRASH_LOOP,
  /** The storage initializer, the init container that copies the model, failed. */
  INIT_FAILED
}
