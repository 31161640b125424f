/**
 * The deployment history kept in {@code status.history}: which spec changes are recorded, how
 * many records and bytes are kept, the fingerprint by which the controller recognises the
 * recorded spec without holding the records, and the revision numbering of a rollback.
 */
package io.primehub.phdeploy.core.history;
