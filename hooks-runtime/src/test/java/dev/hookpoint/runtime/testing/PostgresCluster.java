package dev.hookpoint.runtime.testing;

import java.io.IOException;
import java.io.PrintWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * A throwaway PostgreSQL cluster for tests: {@code initdb} in a temporary directory, {@code pg_ctl} on a free port
 * of 127.0.0.1 only (no Unix socket elsewhere, no other address), trust authentication, stopped and deleted by
 * {@link #close}. As root, the server runs as the {@code postgres} user, which PostgreSQL insists on.
 */
public final class PostgresCluster implements AutoCloseable {

  /**
   * Where the server's programs are: Debian keeps them out of the {@code PATH}, in
   * {@code /usr/lib/postgresql/<version>/bin} (the newest wins); a {@code PATH} entry with {@code initdb} first.
   */
  private static final Path BIN = serverPrograms();

  private final Path directory;
  private final int port;

  private PostgresCluster(Path directory, int port) {
    this.directory = directory;
    this.port = port;
  }

  private static Path serverPrograms() {
    for (String entry : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
      if (!entry.isEmpty() && Files.isExecutable(Path.of(entry, "initdb"))) {
        return Path.of(entry);
      }
    }
    try (var versions = Files.list(Path.of("/usr/lib/postgresql"))) {
      return versions.map(version -> version.resolve("bin")).filter(bin -> Files.isExecutable(bin.resolve("initdb")))
          .max(java.util.Comparator.comparingInt(bin -> versionOf(bin.getParent())))
          .orElse(Path.of("/usr/lib/postgresql/bin"));
    } catch (IOException e) {
      return Path.of("/usr/lib/postgresql/bin");
    }
  }

  private static int versionOf(Path directory) {
    try {
      return Integer.parseInt(directory.getFileName().toString());
    } catch (NumberFormatException e) {
      return -1;
    }
  }

  /** Whether the server's programs are installed. */
  public static boolean available() {
    return Files.isExecutable(BIN.resolve("initdb")) && Files.isExecutable(BIN.resolve("pg_ctl"));
  }

  public static PostgresCluster start() throws IOException, InterruptedException {
    Path directory = Files.createTempDirectory("hookpoint-pg-");
    boolean root = "root".equals(System.getProperty("user.name"));
    if (root) {
      run(List.of("chown", "postgres:postgres", directory.toString()));
    }
    Path data = directory.resolve("data");
    int port;
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
      port = socket.getLocalPort();
    }
    run(as(root, List.of(BIN.resolve("initdb").toString(), "-D", data.toString(), "-A", "trust", "-U", "test",
        "-E", "UTF8", "--no-sync")));
    run(as(root, List.of(BIN.resolve("pg_ctl").toString(), "-D", data.toString(), "-l",
        directory.resolve("server.log").toString(), "-w", "-t", "30", "-o",
        "-c listen_addresses=127.0.0.1 -c unix_socket_directories=" + directory + " -p " + port + " -c fsync=off",
        "start")));
    return new PostgresCluster(directory, port);
  }

  /** A data source on the cluster's {@code postgres} database, through the driver {@link DriverManager} finds. */
  public DataSource dataSource() {
    String url = "jdbc:postgresql://127.0.0.1:" + port + "/postgres?user=test";
    return new DataSource() {
      @Override
      public Connection getConnection() throws SQLException {
        return DriverManager.getConnection(url);
      }

      @Override
      public Connection getConnection(String user, String password) throws SQLException {
        return getConnection();
      }

      @Override
      public PrintWriter getLogWriter() {
        return null;
      }

      @Override
      public void setLogWriter(PrintWriter out) {}

      @Override
      public void setLoginTimeout(int seconds) {}

      @Override
      public int getLoginTimeout() {
        return 0;
      }

      @Override
      public Logger getParentLogger() {
        return Logger.getGlobal();
      }

      @Override
      public <T> T unwrap(Class<T> type) throws SQLException {
        throw new SQLException("not a wrapper");
      }

      @Override
      public boolean isWrapperFor(Class<?> type) {
        return false;
      }
    };
  }

  @Override
  public void close() throws IOException {
    boolean root = "root".equals(System.getProperty("user.name"));
    try {
      run(as(root, List.of(BIN.resolve("pg_ctl").toString(), "-D", directory.resolve("data").toString(), "-m",
          "immediate", "-w", "stop")));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    try (var files = Files.walk(directory)) {
      files.sorted(java.util.Comparator.reverseOrder()).forEach(file -> file.toFile().delete());
    }
  }

  private static List<String> as(boolean root, List<String> command) {
    if (!root) {
      return command;
    }
    List<String> asPostgres = new ArrayList<>(List.of("runuser", "-u", "postgres", "--"));
    asPostgres.addAll(command);
    return asPostgres;
  }

  private static void run(List<String> command) throws IOException, InterruptedException {
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    String output = new String(process.getInputStream().readAllBytes());
    if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
      throw new IOException(String.join(" ", command) + " failed: " + output);
    }
  }
}
