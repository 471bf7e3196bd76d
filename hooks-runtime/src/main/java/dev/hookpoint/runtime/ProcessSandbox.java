package dev.hookpoint.runtime;

/**
 * The sandbox process hooks run in, as {@code hooks list}, {@code hooks check} and the start-up log name it.
 *
 * @param name {@code bwrap} or {@code none}, as {@code hooks.process.sandbox} spells them
 * @param why why this one: for none under auto, what is missing and how to install it
 */
public record ProcessSandbox(String name, String why) {}
