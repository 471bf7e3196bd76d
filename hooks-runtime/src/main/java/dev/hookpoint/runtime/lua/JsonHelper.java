package dev.hookpoint.runtime.lua;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamWriteConstraints;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import org.luaj.vm2.LuaError;
import org.luaj.vm2.LuaTable;
import org.luaj.vm2.LuaValue;
import org.luaj.vm2.lib.OneArgFunction;

/**
 * {@code json.encode(value)} and {@code json.decode(text)}, backed by Jackson, with the same bounds as hook
 * results: depth, size and cycles are checked before anything large is built. Errors are ordinary Lua errors.
 */
final class JsonHelper {

  /** Longest text {@code json.decode} reads and {@code json.encode} writes. */
  static final int MAX_TEXT = 4 * 1024 * 1024;

  private static final ObjectMapper JSON = JsonMapper.builder(JsonFactory.builder()
          .streamReadConstraints(StreamReadConstraints.builder()
              .maxNestingDepth(LuaValues.MAX_DEPTH)
              .maxStringLength(MAX_TEXT)
              .maxNumberLength(100)
              .build())
          .streamWriteConstraints(StreamWriteConstraints.builder().maxNestingDepth(LuaValues.MAX_DEPTH + 1).build())
          .build())
      .build();

  private JsonHelper() {}

  static LuaTable table() {
    LuaTable json = new LuaTable();
    json.rawset("encode", new OneArgFunction() {
      @Override
      public LuaValue call(LuaValue value) {
        return LuaValue.valueOf(encode(value));
      }
    });
    json.rawset("decode", new OneArgFunction() {
      @Override
      public LuaValue call(LuaValue text) {
        // Measured before it is decoded to Java characters: at least one character per three bytes.
        if (text.checkstring().length() > 3L * MAX_TEXT) {
          throw tooLong();
        }
        return decode(text.checkjstring());
      }
    });
    return json;
  }

  static String encode(LuaValue value) {
    Object plain;
    try {
      plain = LuaValues.toJava(value, "the value");
    } catch (LuaValues.ConversionException e) {
      throw new LuaError("json.encode: " + e.getMessage());
    }
    CappedWriter text = new CappedWriter();
    try {
      JSON.writeValue(text, plain);
      return text.toString();
    } catch (CappedWriter.Full e) {
      throw new LuaError("json.encode: the JSON would be longer than " + MAX_TEXT + " characters");
    } catch (IOException e) {
      throw new LuaError("json.encode: " + e.getMessage());
    }
  }

  /**
   * Collects the JSON and stops at {@link #MAX_TEXT} characters: escaping can make the text six times the
   * characters of its strings, so it is cut off as it is written, not measured once it is whole.
   */
  private static final class CappedWriter extends java.io.Writer {
    private final StringBuilder text = new StringBuilder();

    /** The text passed the cap. */
    static final class Full extends IOException {
      private static final long serialVersionUID = 1L;
    }

    @Override
    public void write(char[] chars, int offset, int length) throws IOException {
      if ((long) text.length() + length > MAX_TEXT) {
        throw new Full();
      }
      text.append(chars, offset, length);
    }

    @Override
    public void write(String string, int offset, int length) throws IOException {
      if ((long) text.length() + length > MAX_TEXT) {
        throw new Full();
      }
      text.append(string, offset, offset + length);
    }

    @Override
    public void flush() {}

    @Override
    public void close() {}

    @Override
    public String toString() {
      return text.toString();
    }
  }

  private static LuaError tooLong() {
    return new LuaError("json.decode: the text is longer than " + MAX_TEXT + " characters");
  }

  /** Decodes straight into Lua values, counting them, so a huge document is refused before it is built. */
  static LuaValue decode(String text) {
    if (text.length() > MAX_TEXT) {
      throw tooLong();
    }
    try (JsonParser parser = JSON.getFactory().createParser(text)) {
      int[] count = {0};
      Checkpoint checkpoint = LuaRun.checkpoint();
      LuaValue value = read(parser, parser.nextToken(), count, checkpoint);
      if (parser.nextToken() != null) {
        throw new LuaError("json.decode: not valid JSON: more after the value");
      }
      return value;
    } catch (IOException e) {
      String message = String.valueOf(e.getMessage());
      int end = message.indexOf('\n');
      throw new LuaError("json.decode: not valid JSON: " + (end < 0 ? message : message.substring(0, end)));
    }
  }

  private static LuaValue read(JsonParser parser, JsonToken token, int[] count, Checkpoint checkpoint)
      throws IOException {
    if (token == null) {
      throw new LuaError("json.decode: not valid JSON: empty text");
    }
    if (++count[0] > LuaValues.MAX_VALUES) {
      throw new LuaError("json.decode: more than " + LuaValues.MAX_VALUES + " values");
    }
    if ((count[0] & 1023) == 0) {
      checkpoint.check();
    }
    switch (token) {
      case START_OBJECT: {
        LuaTable table = new LuaTable();
        for (JsonToken next = parser.nextToken(); next != JsonToken.END_OBJECT; next = parser.nextToken()) {
          String name = parser.currentName();
          LuaValue value = read(parser, parser.nextToken(), count, checkpoint);
          table.rawset(LuaValue.valueOf(name), value);
        }
        return table;
      }
      case START_ARRAY: {
        LuaTable table = new LuaTable();
        int index = 0;
        for (JsonToken next = parser.nextToken(); next != JsonToken.END_ARRAY; next = parser.nextToken()) {
          table.rawset(++index, read(parser, next, count, checkpoint));
        }
        return table;
      }
      case VALUE_STRING:
        return LuaValue.valueOf(parser.getText());
      case VALUE_NUMBER_INT:
        return parser.getNumberType() == JsonParser.NumberType.INT
            ? LuaValue.valueOf(parser.getIntValue()) : LuaValue.valueOf(parser.getDoubleValue());
      case VALUE_NUMBER_FLOAT:
        return LuaValue.valueOf(parser.getDoubleValue());
      case VALUE_TRUE:
        return LuaValue.TRUE;
      case VALUE_FALSE:
        return LuaValue.FALSE;
      default:
        // JSON null: Lua has no null inside tables, so the key is simply absent.
        return LuaValue.NIL;
    }
  }
}
