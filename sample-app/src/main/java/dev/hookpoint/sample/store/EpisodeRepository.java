package dev.hookpoint.sample.store;

import dev.hookpoint.sample.domain.Episode;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

/** Episodes in SQLite. */
public final class EpisodeRepository {

  private final Database database;

  public EpisodeRepository(Database database) {
    this.database = database;
  }

  /** Adds the episodes a show does not have yet; returns how many it has now. */
  public int addMissing(long mediaItemId, List<Episode> episodes) {
    return database.transaction(connection -> {
      try (PreparedStatement insert = connection.prepareStatement("INSERT OR IGNORE INTO episodes (media_item_id, "
          + "season_number, episode_number, title, monitored, has_file) VALUES (?, ?, ?, ?, ?, 0)")) {
        for (Episode episode : episodes) {
          insert.setLong(1, mediaItemId);
          insert.setInt(2, episode.seasonNumber());
          insert.setInt(3, episode.episodeNumber());
          insert.setString(4, episode.title());
          insert.setBoolean(5, episode.monitored());
          insert.addBatch();
        }
        insert.executeBatch();
      }
      try (PreparedStatement count = connection.prepareStatement(
          "SELECT COUNT(*) FROM episodes WHERE media_item_id = ?")) {
        count.setLong(1, mediaItemId);
        try (ResultSet rows = count.executeQuery()) {
          rows.next();
          return rows.getInt(1);
        }
      }
    });
  }

  public Optional<Episode> find(long id) {
    return select("SELECT * FROM episodes WHERE id = ?", id).stream().findFirst();
  }

  public List<Episode> forShow(long mediaItemId) {
    return select("SELECT * FROM episodes WHERE media_item_id = ? ORDER BY season_number, episode_number",
        mediaItemId);
  }

  public Episode update(Episode episode) {
    database.transaction(connection -> {
      try (PreparedStatement update = connection.prepareStatement(
          "UPDATE episodes SET monitored = ?, has_file = ? WHERE id = ?")) {
        update.setBoolean(1, episode.monitored());
        update.setBoolean(2, episode.hasFile());
        update.setLong(3, episode.id());
        return update.executeUpdate();
      }
    });
    return find(episode.id()).orElseThrow();
  }

  /** Sets the monitoring of a whole season; returns how many episodes changed. */
  public int setSeasonMonitoring(long mediaItemId, int season, boolean monitored) {
    return database.transaction(connection -> {
      try (PreparedStatement update = connection.prepareStatement("UPDATE episodes SET monitored = ? "
          + "WHERE media_item_id = ? AND season_number = ? AND monitored <> ?")) {
        update.setBoolean(1, monitored);
        update.setLong(2, mediaItemId);
        update.setInt(3, season);
        update.setBoolean(4, monitored);
        return update.executeUpdate();
      }
    });
  }

  private List<Episode> select(String sql, long id) {
    return database.list(sql, EpisodeRepository::episode, id);
  }

  private static Episode episode(ResultSet rows) throws SQLException {
    return new Episode(rows.getLong("id"), rows.getLong("media_item_id"), rows.getInt("season_number"),
        rows.getInt("episode_number"), rows.getString("title"), rows.getBoolean("monitored"),
        rows.getBoolean("has_file"));
  }
}
