/**
 * Annotations a host application puts on its services and data types so that users can hook its lifecycle
 * events. This package has no dependencies; the annotation processor in {@code hooks-processor} reads it at
 * compile time.
 */
package dev.hookpoint.annotations;
