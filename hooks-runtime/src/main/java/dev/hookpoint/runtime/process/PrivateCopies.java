package dev.hookpoint.runtime.process;

import java.io.IOException;
import java.lang.ref.Cleaner;
import java.nio.ByteBuffer;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The copies process hooks run from. A process hook is executed by path, so running it from the hooks directory
 * would run whatever the file holds at that moment: an edit the next reload has not checked yet, or new content
 * behind a link after {@code hooks check --lock}. Each load instead writes the bytes the runtime read, checked and
 * hashed to a new file of its own, in a directory only the host's user can enter, and the hook runs from there.
 *
 * <p>A copy is never written twice: a changed hook gets a new copy, so a run still executing the old one keeps
 * reading what it started with. A copy is deleted once nothing can run it any more (its {@link Copy} is
 * unreachable: no registry holds the hook and no run is executing it), and the whole directory when the
 * executor closes, or else when the JVM has exited after its shutdown hooks (the runtime's drain among them).
 */
final class PrivateCopies implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(PrivateCopies.class);
  private static final Cleaner CLEANER = Cleaner.create();
  /**
   * Held shared while a hook process starts, exclusively while a copy is open for writing. A process forked while
   * a copy is open inherits the open file until it execs, and Linux refuses to run a file that is open for writing
   * ("Text file busy"); {@link ProcessBuilder#start} returns only once the child has exec'd, so with this no child
   * of ours ever holds a copy open.
   */
  private static final ReadWriteLock FORKS = new ReentrantReadWriteLock();
  private static final FileAttribute<Set<PosixFilePermission>> OWNER_ONLY =
      PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------"));
  /**
   * A copy itself is read-only and readable by all: its directory already keeps everyone but the host's user out,
   * and a sandbox binds the file alone, for the hook's own unprivileged user to read and run.
   */
  private static final FileAttribute<Set<PosixFilePermission>> READ_ONLY =
      PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("r-xr-xr-x"));

  private final AtomicLong next = new AtomicLong();
  private Path directory;
  private Path empty;

  /** One hook's copy: it lives as long as this object is reachable. */
  static final class Copy {
    private final Path path;

    private Copy(Path path) {
      this.path = path;
      // The action must not refer to this object, or it would never become unreachable.
      CLEANER.register(this, () -> deleteTree(path.getParent()));
    }

    Path path() {
      return path;
    }
  }

  /**
   * Writes a new copy, named like the hook (interpreters such as node look at the extension), in a directory of
   * its own so that two copies of the same name never meet.
   */
  Copy write(String fileName, byte[] content) throws IOException {
    Path own = Files.createDirectory(directory().resolve(Long.toString(next.incrementAndGet())), OWNER_ONLY);
    deleteOnExit(own);
    Path copy = own.resolve(fileName);
    deleteOnExit(copy);
    FORKS.writeLock().lock();
    try (SeekableByteChannel channel = Files.newByteChannel(copy,
        EnumSet.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE), READ_ONLY)) {
      ByteBuffer bytes = ByteBuffer.wrap(content);
      while (bytes.hasRemaining()) {
        channel.write(bytes);
      }
    } finally {
      FORKS.writeLock().unlock();
    }
    return new Copy(copy);
  }

  /**
   * An empty read-only file, made once: what a sandbox shows in place of the other hooks of a hook's directory (a
   * device like {@code /dev/null} would not open there, the sandbox's mounts being {@code nodev}).
   */
  synchronized Path empty() throws IOException {
    if (empty == null) {
      Path file = directory().resolve("empty");
      Files.createFile(file, READ_ONLY);
      deleteOnExit(file);
      empty = file;
    }
    return empty;
  }

  /** Starts a hook process while no copy is open for writing. */
  static Process start(ProcessBuilder builder) throws IOException {
    FORKS.readLock().lock();
    try {
      return builder.start();
    } finally {
      FORKS.readLock().unlock();
    }
  }

  private synchronized Path directory() throws IOException {
    if (directory == null) {
      directory = Files.createTempDirectory("hookpoint-hooks-", OWNER_ONLY);
      deleteOnExit(directory);
    }
    return directory;
  }

  /**
   * Deletes a copy's file or directory when the JVM exits. Not from a shutdown hook of our own: shutdown hooks run
   * concurrently, and the runtime's drains background hooks that still run from these copies. The JDK deletes
   * files marked this way only after every shutdown hook has returned, the last marked first (a file before its
   * directory).
   */
  private static void deleteOnExit(Path path) {
    path.toFile().deleteOnExit();
  }

  /** The directory the copies are in, or {@code null} before the first. */
  synchronized Path location() {
    return directory;
  }

  @Override
  public synchronized void close() {
    if (directory == null) {
      return;
    }
    deleteTree(directory);
    directory = null;
    empty = null;
  }

  /** Deletes a directory and everything in it, as far as it can; {@code null} is nothing to delete. */
  static void deleteTree(Path directory) {
    if (directory == null) {
      return;
    }
    try {
      // Most often an empty directory (a run's home the hook wrote nothing to): one call, where a walk takes five.
      Files.delete(directory);
      return;
    } catch (NoSuchFileException e) {
      return;
    } catch (IOException e) {
      // Not empty, or not deletable as it is: walk it.
    }
    try (Stream<Path> files = Files.walk(directory)) {
      files.sorted(Comparator.reverseOrder()).forEach(file -> {
        try {
          Files.deleteIfExists(file);
        } catch (IOException e) {
          LOG.debug("cannot delete {}", file, e);
        }
      });
    } catch (IOException e) {
      LOG.debug("cannot delete {}", directory, e);
    }
  }
}
