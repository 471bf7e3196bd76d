package dev.hookpoint.runtime.config;

/** The configuration cannot be used; the message names the key, the value and where it was set. */
public final class ConfigException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  public ConfigException(String message) {
    super(message);
  }
}
