package dev.hookpoint.sample.domain;

import dev.hookpoint.annotations.Example;

/**
 * How a download is handed to the download client.
 *
 * @param client the client's name
 * @param category the client's category (folder) for the download
 * @param priority 1 (low) to 5 (high)
 * @param downloadUrl the URL the client fetches; a hook may point it at a mirror
 */
public record ClientConfig(@Example("transmission-sim") String client, @Example("tv") String category,
    @Example("3") int priority, @Example("magnet:?xt=urn:sim:attack-on-titan-1080p") String downloadUrl) {}
