/**
 * A service of the kind phdeploy's users write: it calls a deployed model's endpoint. Its test
 * shows how to test such a service against the testkit.
 */
package io.primehub.phdeploy.examples.scoring;
