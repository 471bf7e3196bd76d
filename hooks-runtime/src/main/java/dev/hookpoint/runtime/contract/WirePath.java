package dev.hookpoint.runtime.contract;

/**
 * Where a value is in a hook's {@code changes}, as messages name it: {@code media_item.groups[2]}. Decoders hand it
 * down as they go and it is spelled out only when a message needs it, so that decoding changes that fit builds no
 * strings.
 */
public final class WirePath {

  /** The top of {@code changes}; spelled as the empty string. */
  public static final WirePath ROOT = new WirePath(null, null, 0);

  private final WirePath parent;
  private final String key;
  private final int index;

  private WirePath(WirePath parent, String key, int index) {
    this.parent = parent;
    this.key = key;
    this.index = index;
  }

  /** The path of a key of the object here. */
  public WirePath key(String key) {
    return new WirePath(this, key, 0);
  }

  /** The path of an element of the list here, counted from 1 as in Lua. */
  public WirePath element(int index) {
    return new WirePath(this, null, index);
  }

  /** The dotted path, e.g. {@code media_item.groups[2]}. */
  @Override
  public String toString() {
    if (parent == null) {
      return "";
    }
    String above = parent.toString();
    if (key == null) {
      return above + "[" + index + "]";
    }
    return above.isEmpty() ? key : above + "." + key;
  }
}
