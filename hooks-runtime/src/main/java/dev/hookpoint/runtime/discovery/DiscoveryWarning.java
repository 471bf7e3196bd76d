package dev.hookpoint.runtime.discovery;

import java.nio.file.Path;

/**
 * Something in the hooks directory that is not a hook but looks like it was meant to be one.
 *
 * @param path where
 * @param message what is wrong and the fix
 */
public record DiscoveryWarning(Path path, String message) {}
