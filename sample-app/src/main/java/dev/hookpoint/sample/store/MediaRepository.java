package dev.hookpoint.sample.store;

import com.fasterxml.jackson.core.type.TypeReference;
import dev.hookpoint.sample.domain.MediaItem;
import dev.hookpoint.sample.domain.MediaSummary;
import dev.hookpoint.sample.domain.MediaType;
import dev.hookpoint.sample.domain.NewMedia;
import dev.hookpoint.sample.domain.SearchSettings;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** Media items in SQLite. */
public final class MediaRepository {

  private static final String COLUMNS = "id, type, title, year, tmdb_id, monitored, quality_profile, "
      + "preferred_release_groups, prefer_subbed, exclude_dubbed, search_query_suffix, metadata";

  private final Database database;

  public MediaRepository(Database database) {
    this.database = database;
  }

  /** Creates an item with the library's defaults for what the new media does not say. */
  public MediaItem insert(NewMedia media) {
    return database.transaction(connection -> {
      try (PreparedStatement insert = connection.prepareStatement("INSERT INTO media_items (type, title, year, "
          + "tmdb_id, monitored, quality_profile, preferred_release_groups, prefer_subbed, exclude_dubbed, "
          + "search_query_suffix, metadata) VALUES (?, ?, ?, ?, ?, 'HD-1080p', '[]', 0, 0, '', '{}')")) {
        insert.setString(1, media.type().name());
        insert.setString(2, media.title());
        setNullable(insert, 3, media.year() == null ? null : media.year().longValue());
        setNullable(insert, 4, media.tmdbId());
        insert.setBoolean(5, media.monitored() == null || media.monitored());
        insert.executeUpdate();
      }
      return find(connection, Database.lastId(connection)).orElseThrow();
    });
  }

  /** Writes every field of an item. */
  public MediaItem update(MediaItem item) {
    return database.transaction(connection -> {
      try (PreparedStatement update = connection.prepareStatement("UPDATE media_items SET type = ?, title = ?, "
          + "year = ?, tmdb_id = ?, monitored = ?, quality_profile = ?, preferred_release_groups = ?, "
          + "prefer_subbed = ?, exclude_dubbed = ?, search_query_suffix = ?, metadata = ? WHERE id = ?")) {
        update.setString(1, item.type().name());
        update.setString(2, item.title());
        setNullable(update, 3, item.year() == null ? null : item.year().longValue());
        setNullable(update, 4, item.tmdbId());
        update.setBoolean(5, item.monitored());
        update.setString(6, item.qualityProfile());
        update.setString(7, Json.write(item.preferredReleaseGroups()));
        update.setBoolean(8, item.searchSettings().preferSubbed());
        update.setBoolean(9, item.searchSettings().excludeDubbed());
        update.setString(10, item.searchQuerySuffix());
        update.setString(11, Json.write(item.metadata()));
        update.setLong(12, item.id());
        if (update.executeUpdate() != 1) {
          throw new SQLException("no media item " + item.id());
        }
      }
      return find(connection, item.id()).orElseThrow();
    });
  }

  public Optional<MediaItem> find(long id) {
    return database.read(connection -> find(connection, id));
  }

  public List<MediaItem> list() {
    return database.list("SELECT " + COLUMNS + " FROM media_items ORDER BY id", MediaRepository::item);
  }

  /** Items that look like the same media: the same TMDB id, or the same title (ignoring case). */
  public List<MediaSummary> matches(NewMedia media) {
    String title = media.title() == null ? "" : media.title().strip().toLowerCase(Locale.ROOT);
    return list().stream()
        .filter(item -> (media.tmdbId() != null && media.tmdbId().equals(item.tmdbId()))
            || item.title().strip().toLowerCase(Locale.ROOT).equals(title))
        .map(MediaItem::summary)
        .toList();
  }

  /** Deletes an item and, by cascade, its episodes, downloads and files. */
  public boolean delete(long id) {
    return database.transaction(connection -> {
      try (PreparedStatement delete = connection.prepareStatement("DELETE FROM media_items WHERE id = ?")) {
        delete.setLong(1, id);
        return delete.executeUpdate() == 1;
      }
    });
  }

  public int count() {
    return list().size();
  }

  private static Optional<MediaItem> find(Connection connection, long id) throws SQLException {
    try (PreparedStatement select = connection.prepareStatement("SELECT " + COLUMNS
        + " FROM media_items WHERE id = ?")) {
      select.setLong(1, id);
      try (ResultSet rows = select.executeQuery()) {
        return rows.next() ? Optional.of(item(rows)) : Optional.empty();
      }
    }
  }

  private static MediaItem item(ResultSet rows) throws SQLException {
    long year = rows.getLong("year");
    Integer yearValue = rows.wasNull() ? null : (int) year;
    long tmdb = rows.getLong("tmdb_id");
    Long tmdbId = rows.wasNull() ? null : tmdb;
    return new MediaItem(rows.getLong("id"), MediaType.valueOf(rows.getString("type")), rows.getString("title"),
        yearValue, tmdbId, rows.getBoolean("monitored"), rows.getString("quality_profile"),
        Json.read(rows.getString("preferred_release_groups"), new TypeReference<List<String>>() {}),
        new SearchSettings(rows.getBoolean("prefer_subbed"), rows.getBoolean("exclude_dubbed")),
        rows.getString("search_query_suffix"),
        Json.read(rows.getString("metadata"), new TypeReference<Map<String, String>>() {}));
  }

  static void setNullable(PreparedStatement statement, int index, Long value) throws SQLException {
    if (value == null) {
      statement.setNull(index, Types.INTEGER);
    } else {
      statement.setLong(index, value);
    }
  }
}
