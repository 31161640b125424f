/**
 * JUnit 5 support: {@link io.primehub.phdeploy.testkit.junit.PhDeployTest} gives each test a
 * fresh in-memory cluster with a running controller, and resolves its parts as parameters.
 */
package io.primehub.phdeploy.testkit.junit;
