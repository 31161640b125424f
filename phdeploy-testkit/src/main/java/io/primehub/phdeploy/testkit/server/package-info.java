/**
 * The in-memory API server: fabric8's mock server in CRUD mode with what a real API server adds
 * around its storage. {@link io.primehub.phdeploy.testkit.server.Faults} injects errors, delays
 * and dropped watches; the {@link io.primehub.phdeploy.testkit.server.Journal} counts requests;
 * {@link io.primehub.phdeploy.testkit.server.PodLogs} holds the containers' logs the server
 * serves; admission webhooks and write observers plug in.
 */
package io.primehub.phdeploy.testkit.server;
