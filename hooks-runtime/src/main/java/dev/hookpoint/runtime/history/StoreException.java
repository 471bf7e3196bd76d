package dev.hookpoint.runtime.history;

import java.sql.SQLException;

/**
 * A store's database cannot be used. The message names the database, what is wrong and the fix, and starts with a
 * tag operators can search for: {@code [hookpoint:store-corrupt]}, {@code [hookpoint:store-unwritable]},
 * {@code [hookpoint:store-busy]}, {@code [hookpoint:store-newer]} or {@code [hookpoint:store-failed]}.
 */
public final class StoreException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final String category;

  StoreException(String category, String message, Throwable cause) {
    super("[hookpoint:store-" + category + "] " + message, cause);
    this.category = category;
  }

  /** {@code corrupt}, {@code unwritable}, {@code busy}, {@code newer} or {@code failed}. */
  public String category() {
    return category;
  }

  /** What went wrong with {@code where} (a file, or the host's data source), with the fix for its kind. */
  static StoreException of(String where, SQLException e) {
    int code = e.getErrorCode() & 0xff;
    String cause = String.valueOf(e.getMessage());
    return switch (code) {
      case 11, 26 -> new StoreException("corrupt", where + " is not a usable database (" + cause + "); move it "
          + "away and Hookpoint creates a new one on the next start (its hook switches and run history are lost), "
          + "or set store.path to another file", e);
      case 3, 8, 10, 13, 14 -> unwritable(where, cause, e);
      case 5, 6 -> new StoreException("busy", where + " stayed locked by another process past the busy timeout ("
          + cause + "); find the process that holds it open in a long transaction", e);
      default -> new StoreException("failed", where + ": " + cause, e);
    };
  }

  static StoreException unwritable(String where, String cause, Throwable e) {
    return new StoreException("unwritable", "cannot write " + where + " (" + cause + "); make the file and its "
        + "directory writable by the host's user (SQLite also writes -wal and -shm files beside it), or set "
        + "store.path to a writable place", e);
  }

  static StoreException newer(String where, int found, int known) {
    return new StoreException("newer", where + " has schema version " + found + ", written by a newer Hookpoint "
        + "(this one knows up to " + known + "); upgrade this host, or set store.path to another file", null);
  }
}
