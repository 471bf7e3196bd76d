package dev.hookpoint.sample.domain;

import dev.hookpoint.annotations.Example;

/**
 * A file in the library.
 *
 * @param id the file id
 * @param mediaItemId the item it belongs to
 * @param path where it is
 * @param sizeMb its size in megabytes
 */
public record MediaFile(long id, long mediaItemId,
    @Example("/library/tv/Attack on Titan/Season 01") String path, @Example("8200") int sizeMb) {}
