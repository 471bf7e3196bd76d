package dev.hookpoint.sample.domain;

/**
 * A finished import.
 *
 * @param mediaFile the file now in the library
 * @param destinationPath where it was moved
 */
public record ImportResult(MediaFile mediaFile, String destinationPath) {}
