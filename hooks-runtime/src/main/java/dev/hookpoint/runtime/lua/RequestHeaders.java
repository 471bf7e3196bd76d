package dev.hookpoint.runtime.lua;

import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/** Which request headers a hook may set: well-formed ones, and none that the client itself is in charge of. */
final class RequestHeaders {

  private RequestHeaders() {}

  /** The headers that frame or route the message; a hook setting them could split or redirect the request. */
  private static final Set<String> CLIENT_SET = Set.of("connection", "content-length", "expect", "host",
      "keep-alive", "proxy-connection", "te", "trailer", "transfer-encoding", "upgrade");

  private static final Pattern TOKEN = Pattern.compile("[!#$%&'*+.^_`|~0-9A-Za-z-]+");

  /** Visible characters, spaces, tabs and bytes from 0x80 (RFC 9110's field-value); no CR, LF or NUL. */
  private static final Pattern FIELD_VALUE = Pattern.compile("[\\t\\x20-\\x7e\\x80-\\x{10ffff}]*");

  /** Why the header may not be sent, or empty when it may. */
  static Optional<String> refusal(String name, String value) {
    if (!TOKEN.matcher(name).matches()) {
      return Optional.of("not a valid header name");
    }
    if (CLIENT_SET.contains(name.toLowerCase(Locale.ROOT))) {
      return Optional.of("the client sets it");
    }
    if (!FIELD_VALUE.matcher(value).matches()) {
      return Optional.of("its value has a line break or a control character");
    }
    return Optional.empty();
  }
}
