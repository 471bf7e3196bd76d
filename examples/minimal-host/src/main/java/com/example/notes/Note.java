package com.example.notes;

import dev.hookpoint.annotations.Changeable;

/**
 * A note.
 *
 * @param title what it is about
 * @param text what it says; hooks may change it
 */
public record Note(String title, @Changeable String text) {}
