package com.example.notes;

import dev.hookpoint.annotations.HookPoint;
import java.util.LinkedHashMap;
import java.util.Map;

/** Keeps notes. Hookpoint generates {@code HookedNoteService}, which runs the hooks around these methods. */
public class NoteService {

  private final Map<String, Note> notes = new LinkedHashMap<>();

  /**
   * Saves a note.
   *
   * @param note the note to save; hooks may change its text
   * @return the note as saved
   */
  @HookPoint(value = "before_note_saved", description = "Before a note is saved. Hooks may change its text, "
      + "or veto the note with halt = true.")
  public Note save(Note note) {
    notes.put(note.title(), note);
    return note;
  }

  /**
   * Deletes a note.
   *
   * @param title the note's title
   */
  @HookPoint(value = "on_note_deleted", description = "After a note was deleted; hooks run in the background.")
  public void delete(String title) {
    notes.remove(title);
  }
}
