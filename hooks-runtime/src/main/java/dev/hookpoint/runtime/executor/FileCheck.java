package dev.hookpoint.runtime.executor;

/**
 * A check every hook file passes, once it has been read and before its executor loads it, whatever its kind: the
 * checksum lock, or a host's own. (What the file is and who could change it are checked before it is read; see
 * the registry's {@code TrustedReader}.)
 */
@FunctionalInterface
public interface FileCheck {

  /**
   * @param sha256 the file content's SHA-256, hex
   * @throws HookFailure a {@code load_error} saying what is wrong and the fix
   */
  void check(HookFile file, String sha256) throws HookFailure;
}
