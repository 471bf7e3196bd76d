package dev.hookpoint.runtime.registry;

import dev.hookpoint.runtime.executor.HookFailure;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Arrays;
import java.util.Objects;

/**
 * The one way the runtime reads a hook file or {@code hooks.lock}. Anyone who can add a file to a hooks directory
 * can add something that is not one, so before opening anything it finds out what the entry really is (the entry
 * itself, then a link's target), refuses all but regular files, refuses a file over {@code hooks.max_file_bytes},
 * and (under {@code hooks.strict_permissions}) checks where the file really lives. Then it reads the file once,
 * never more than the limit plus one byte whatever its size said, and refuses it if the path no longer names the
 * file it checked. The executors get these bytes, so what runs is exactly what was checked and hashed.
 */
public final class TrustedReader {

  private static final LinkOption[] NOFOLLOW = {LinkOption.NOFOLLOW_LINKS};
  private static final int FILE_TYPE = 0170000;
  private static final int FIFO = 0010000;
  private static final int CHARACTER_DEVICE = 0020000;
  private static final int BLOCK_DEVICE = 0060000;
  private static final int SOCKET = 0140000;

  private final long maxBytes;
  private final boolean allowSymlinks;
  private final PermissionCheck permissions;

  /**
   * @param maxBytes {@code hooks.max_file_bytes}
   * @param allowSymlinks {@code hooks.allow_symlinks}
   * @param strictPermissions {@code hooks.strict_permissions}
   */
  public TrustedReader(long maxBytes, boolean allowSymlinks, boolean strictPermissions) {
    this.maxBytes = maxBytes;
    this.allowSymlinks = allowSymlinks;
    this.permissions = strictPermissions ? new PermissionCheck() : null;
  }

  /**
   * Reads a file that is trusted to say what runs.
   *
   * @param notRegularFix what to tell the user when it is not a regular file
   * @throws HookFailure a {@code load_error} saying what the file is and the fix
   */
  byte[] read(Path path, String notRegularFix) throws HookFailure {
    try {
      boolean linked = Files.readAttributes(path, BasicFileAttributes.class, NOFOLLOW).isSymbolicLink();
      Path real = linked ? follow(path) : path.toRealPath();
      BasicFileAttributes checked = Files.readAttributes(real, BasicFileAttributes.class, NOFOLLOW);
      if (!checked.isRegularFile()) {
        String kind = kind(real, checked);
        throw refused(path, path + " is " + (linked ? "a symbolic link to " + real + ", " + kind : kind)
            + ", not a regular file" + (notRegularFix.isEmpty() ? "" : "; " + notRegularFix));
      }
      if (checked.size() > maxBytes) {
        throw tooLarge(path, checked.size() + " bytes");
      }
      if (permissions != null) {
        permissions.check(path, real);
      }
      byte[] content = readAtMostMax(real, checked.size(), path);
      // Java cannot stat an open file, so look again by path: still the very file that was checked?
      BasicFileAttributes after = Files.readAttributes(real, BasicFileAttributes.class, NOFOLLOW);
      if (!after.isRegularFile() || !Objects.equals(after.fileKey(), checked.fileKey())) {
        throw refused(path, real + " was replaced while it was read; it loads at the next reload");
      }
      return content;
    } catch (NoSuchFileException e) {
      throw refused(path, "cannot read " + path + ": it no longer exists");
    } catch (IOException | RuntimeException e) {
      throw refused(path, "cannot read " + path + ": " + e.getMessage());
    }
  }

  /** A link's real target, when links are allowed and the target exists. */
  private Path follow(Path link) throws IOException, HookFailure {
    Path target = link.toAbsolutePath().getParent().resolve(Files.readSymbolicLink(link)).normalize();
    if (!allowSymlinks) {
      throw refused(link, link + " is a symbolic link (to " + target + ") and hooks.allow_symlinks is false: put "
          + "the file itself there, or set hooks.allow_symlinks: true");
    }
    try {
      return link.toRealPath();
    } catch (NoSuchFileException e) {
      throw refused(link, link + " is a symbolic link to " + target + ", which does not exist");
    }
  }

  /**
   * Opens the real path without following a link (it was resolved already, so a link there now is a swap) and
   * reads until the end or one byte past the limit, whichever comes first: a size can lie (a file in
   * {@code /proc}, one still growing).
   */
  private byte[] readAtMostMax(Path real, long size, Path path) throws IOException, HookFailure {
    try (SeekableByteChannel channel = Files.newByteChannel(real, StandardOpenOption.READ,
        LinkOption.NOFOLLOW_LINKS)) {
      byte[] buffer = new byte[(int) Math.min(Math.max(size + 1, 8192), maxBytes + 1)];
      int length = 0;
      while (true) {
        if (length == buffer.length) {
          if (length > maxBytes) {
            throw tooLarge(path, "more than " + maxBytes + " bytes when read");
          }
          buffer = Arrays.copyOf(buffer, (int) Math.min(maxBytes + 1, 2L * buffer.length));
        }
        int read = channel.read(ByteBuffer.wrap(buffer, length, buffer.length - length));
        if (read < 0) {
          return Arrays.copyOf(buffer, length);
        }
        length += read;
      }
    }
  }

  /** What a file that is not a regular file is, for the message. */
  private static String kind(Path real, BasicFileAttributes attributes) {
    if (attributes.isDirectory()) {
      return "a directory";
    }
    try {
      return switch ((Integer) Files.getAttribute(real, "unix:mode", NOFOLLOW) & FILE_TYPE) {
        case FIFO -> "a FIFO (named pipe)";
        case CHARACTER_DEVICE -> "a character device";
        case BLOCK_DEVICE -> "a block device";
        case SOCKET -> "a socket";
        default -> "a special file";
      };
    } catch (IOException | UnsupportedOperationException | IllegalArgumentException e) {
      return "a special file";
    }
  }

  private HookFailure tooLarge(Path path, String size) {
    return refused(path, path + " is " + size + ", over hooks.max_file_bytes (" + maxBytes + "): make it smaller, "
        + "or raise hooks.max_file_bytes");
  }

  private static HookFailure refused(Path path, String message) {
    return HookFailure.loadError(message, path.toString(), null);
  }
}
