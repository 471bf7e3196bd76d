package dev.hookpoint.runtime.testing;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
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
  private HikariDataSource pool;

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

  /** The JDBC address of the cluster's {@code postgres} database, for a child process to open its own pool. */
  public String url() {
    return "jdbc:postgresql://127.0.0.1:" + port + "/postgres?user=test";
  }

  /** The same database as {@code psql} takes it, for tests that run a documented script. */
  public String uri() {
    return "postgresql://test@127.0.0.1:" + port + "/postgres";
  }

  /** The directory of the server's programs, {@code psql} among them. */
  public static Path programs() {
    return BIN;
  }

  /**
   * A pooled data source (HikariCP) on the cluster's {@code postgres} database, as a host would give the runtime:
   * a connection per call opened by {@code DriverManager} costs a new server process each time, which capped
   * durable delivery at a few dozen runs a second. Closed with the cluster.
   */
  public synchronized DataSource dataSource() {
    if (pool == null) {
      HikariConfig config = new HikariConfig();
      config.setJdbcUrl(url());
      config.setMaximumPoolSize(12);
      config.setPoolName("postgres-test-" + port);
      pool = new HikariDataSource(config);
    }
    return pool;
  }

  public void close() throws IOException {
    synchronized (this) {
      if (pool != null) {
        pool.close();
      }
    }
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
