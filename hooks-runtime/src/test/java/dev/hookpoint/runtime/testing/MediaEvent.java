package dev.hookpoint.runtime.testing;

import dev.hookpoint.runtime.HookContext;
import dev.hookpoint.runtime.contract.FieldInfo;
import dev.hookpoint.runtime.contract.HookEvent;
import dev.hookpoint.runtime.contract.HookPointDescriptor;
import dev.hookpoint.runtime.contract.WireDecoder;
import dev.hookpoint.runtime.contract.WirePath;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An event shaped exactly like the processor's output for {@code before_media_added(Media media)} with a
 * changeable title, written by hand because the runtime's own tests cannot run the processor (it depends on the
 * runtime).
 */
public record MediaEvent(String name, Instant timestamp, HookContext context, Media media) implements HookEvent {

  /** The host's data; like many hosts' records, it validates its values. */
  public record Media(String title, Integer year) {
    public Media {
      if ("reject me".equals(title)) {
        throw new IllegalArgumentException("titles may not say 'reject me'");
      }
    }
  }

  /** What hooks may change. */
  public record Changes(MediaChanges media) {
    static final List<String> KEYS = List.of("media");

    public static Changes fromWire(Map<String, ?> changes) {
      Map<String, ?> wire = WireDecoder.object(changes, WirePath.ROOT, KEYS);
      return new Changes(wire.containsKey("media")
          ? MediaChanges.fromWire(wire.get("media"), WirePath.ROOT.key("media")) : null);
    }
  }

  /** Changes to the media. */
  public record MediaChanges(String title) {
    static final List<String> KEYS = List.of("title");

    static MediaChanges fromWire(Object value, WirePath path) {
      Map<String, ?> wire = WireDecoder.object(value, path, KEYS);
      return new MediaChanges(wire.containsKey("title")
          ? WireDecoder.string(wire.get("title"), path.key("title")) : null);
    }
  }

  @Override
  public String event() {
    return name;
  }

  @Override
  public void writeFields(Map<String, Object> wire) {
    Map<String, Object> media = new LinkedHashMap<>();
    media.put("title", this.media.title());
    media.put("year", this.media.year());
    wire.put("media", media);
  }

  public MediaEvent with(Changes changes) {
    if (changes.media() == null || changes.media().title() == null) {
      return this;
    }
    return new MediaEvent(name, timestamp, context, new Media(changes.media().title(), media.year()));
  }

  /** The descriptor of a point with this shape under the given name, e.g. before_media_added or on_media_added. */
  public static HookPointDescriptor<MediaEvent, Changes> point(String name, boolean async) {
    return HookPointDescriptor.builder(name, MediaEvent.class, Changes.class)
        .async(async)
        .description("Test event " + name)
        .source("test.Media#add(Media)")
        .fields(new FieldInfo("media", "Media", "", null, false),
            new FieldInfo("media.title", "string", "the title", "HOOK_MEDIA_TITLE", !async),
            new FieldInfo("media.year", "integer", "the year", "HOOK_MEDIA_YEAR", false))
        .examplePayload("{\"event\":\"" + name + "\",\"timestamp\":\"2025-11-05T12:00:00Z\","
            + "\"media\":{\"title\":\"Heat\",\"year\":1995},"
            + "\"context\":{\"user_id\":1,\"settings\":{},\"dry_run\":false}}")
        .changes(Changes::fromWire, MediaEvent::with)
        .build();
  }

  public static MediaEvent of(String name, HookContext context, String title) {
    return new MediaEvent(name, Instant.now(), context, new Media(title, 1995));
  }
}
