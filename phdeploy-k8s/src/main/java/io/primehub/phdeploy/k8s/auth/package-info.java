/**
 * Private endpoints' credentials: client tokens are generated here from a secure random source,
 * shown once, and kept only as crypt(3) hashes that nginx's basic authentication understands.
 */
package io.primehub.phdeploy.k8s.auth;
