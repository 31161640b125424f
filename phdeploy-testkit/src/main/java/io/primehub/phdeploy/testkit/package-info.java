/**
 * An in-memory Kubernetes cluster for tests and demos: fabric8's mock API server plus simulators
 * of what a real cluster does, and a local prediction endpoint in front of Java models.
 */
package io.primehub.phdeploy.testkit;
