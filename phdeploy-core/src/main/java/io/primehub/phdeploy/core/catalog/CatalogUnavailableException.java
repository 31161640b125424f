package io.primehub.phdeploy.core.catalog;

/**
 * A catalog source could not be read: its server is down, its file is missing or malformed.
 * Distinct from a group or instance type that is not found, which is an answer.
 */
public class CatalogUnavailableException extends Exception {

  private static final long serialVersionUID = 1L;

  /** A source failure with a message that names the source and the cause. */
  public CatalogUnavailableException(String message, Throwable cause) {
    super(message, cause);
  }

  /** A source failure with a message that names the source and the cause. */
  public CatalogUnavailableException(String message) {
    super(message);
  }
}
