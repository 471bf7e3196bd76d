package dev.hookpoint.runtime;

/**
 * What the background runner has done since the runtime started, and what is queued now: the counts operators see.
 *
 * @param submitted events handed in
 * @param completed events whose hooks all ran
 * @param dropped events dropped because the queue was full
 * @param ranOnCaller events run on the caller's thread because the queue was full
 * @param lostOnShutdown events with hooks still queued or running when the drain deadline passed, or submitted
 *     after close
 * @param queued events waiting now
 * @param replacedThreads threads abandoned to hooks that would not stop, and replaced
 */
public record BackgroundStats(long submitted, long completed, long dropped, long ranOnCaller, long lostOnShutdown,
    int queued, long replacedThreads) {}
