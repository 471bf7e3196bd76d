package dev.hookpoint.sample.store;

import dev.hookpoint.sample.domain.Download;
import dev.hookpoint.sample.domain.DownloadStatus;
import dev.hookpoint.sample.domain.MediaFile;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

/** Downloads and the library files imported from them, in SQLite. */
public final class DownloadRepository {

  private final Database database;

  public DownloadRepository(Database database) {
    this.database = database;
  }

  public Download insert(long mediaItemId, String releaseTitle, String client, String category, String savePath) {
    long id = database.transaction(connection -> {
      try (PreparedStatement insert = connection.prepareStatement("INSERT INTO downloads (media_item_id, "
          + "release_title, client, category, status, progress, save_path) VALUES (?, ?, ?, ?, 'QUEUED', 0, ?)")) {
        insert.setLong(1, mediaItemId);
        insert.setString(2, releaseTitle);
        insert.setString(3, client);
        insert.setString(4, category);
        insert.setString(5, savePath);
        insert.executeUpdate();
      }
      return Database.lastId(connection);
    });
    return find(id).orElseThrow();
  }

  public Download update(Download download) {
    database.transaction(connection -> {
      try (PreparedStatement update = connection.prepareStatement(
          "UPDATE downloads SET status = ?, progress = ?, error_message = ? WHERE id = ?")) {
        update.setString(1, download.status().name());
        update.setInt(2, download.progress());
        update.setString(3, download.errorMessage());
        update.setLong(4, download.id());
        return update.executeUpdate();
      }
    });
    return find(download.id()).orElseThrow();
  }

  public Optional<Download> find(long id) {
    return select("SELECT * FROM downloads WHERE id = ?", id).stream().findFirst();
  }

  public List<Download> list() {
    return select("SELECT * FROM downloads WHERE id > ? ORDER BY id", 0);
  }

  /** Records an imported file and marks its download imported, in one transaction. */
  public MediaFile addFile(Download download, String path, int sizeMb) {
    return database.transaction(connection -> {
      try (PreparedStatement insert = connection.prepareStatement("INSERT INTO media_files (media_item_id, "
          + "download_id, path, size_mb) VALUES (?, ?, ?, ?)")) {
        insert.setLong(1, download.mediaItemId());
        insert.setLong(2, download.id());
        insert.setString(3, path);
        insert.setInt(4, sizeMb);
        insert.executeUpdate();
      }
      long id = Database.lastId(connection);
      try (PreparedStatement update = connection.prepareStatement(
          "UPDATE downloads SET status = 'IMPORTED' WHERE id = ?")) {
        update.setLong(1, download.id());
        update.executeUpdate();
      }
      return new MediaFile(id, download.mediaItemId(), path, sizeMb);
    });
  }

  public int fileCount() {
    return database.read(connection -> {
      try (PreparedStatement count = connection.prepareStatement("SELECT COUNT(*) FROM media_files");
          ResultSet rows = count.executeQuery()) {
        rows.next();
        return rows.getInt(1);
      }
    });
  }

  private List<Download> select(String sql, long id) {
    return database.list(sql, DownloadRepository::download, id);
  }

  private static Download download(ResultSet rows) throws SQLException {
    return new Download(rows.getLong("id"), rows.getLong("media_item_id"), rows.getString("release_title"),
        rows.getString("client"), rows.getString("category"), DownloadStatus.valueOf(rows.getString("status")),
        rows.getInt("progress"), rows.getString("save_path"), rows.getString("error_message"));
  }
}
