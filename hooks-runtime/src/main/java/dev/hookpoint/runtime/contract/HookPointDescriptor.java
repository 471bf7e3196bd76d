package dev.hookpoint.runtime.contract;

import java.util.List;
import java.util.Objects;

/**
 * Everything the runtime and the tools know about one hook point: its name, when it runs, its typed event and
 * changes, its documented fields and an example payload. The processor generates one per event into a
 * {@link HookCatalog}.
 *
 * @param name the event name, e.g. {@code before_media_added}
 * @param phase before, after or on
 * @param async whether hooks run in the background
 * @param description what the event is and when it fires
 * @param source the host method it comes from, e.g. {@code com.example.MediaService#add(NewMedia)}
 * @param eventType the generated event record
 * @param changesType the generated changes record
 * @param timeoutMs the event's default hook timeout, or {@code -1} for the executor's default
 * @param fields every field of the payload, depth first, as hook authors see them
 * @param examplePayload an example of the whole event as JSON, the shape hooks receive
 * @param decoder validates a hook's {@code changes} into the changes record
 * @param applier merges a changes record into an event
 * @param <E> the event record
 * @param <C> the changes record
 */
public record HookPointDescriptor<E extends HookEvent, C>(
    String name,
    Phase phase,
    boolean async,
    String description,
    String source,
    Class<E> eventType,
    Class<C> changesType,
    long timeoutMs,
    List<FieldInfo> fields,
    String examplePayload,
    ChangesDecoder<C> decoder,
    ChangesApplier<E, C> applier) {

  public HookPointDescriptor {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(phase, "phase");
    Objects.requireNonNull(eventType, "eventType");
    Objects.requireNonNull(changesType, "changesType");
    Objects.requireNonNull(decoder, "decoder");
    Objects.requireNonNull(applier, "applier");
    fields = List.copyOf(fields);
  }

  /** Whether hooks of this point may change data, that is, whether it runs synchronously. */
  public boolean sync() {
    return !async;
  }

  /** {@code "sync"} or {@code "async"}: the mode as the per-event docs, {@code hooks events} and APIs name it. */
  public String mode() {
    return async ? "async" : "sync";
  }

  /** The fields hooks may change. */
  public List<FieldInfo> changeableFields() {
    return fields.stream().filter(FieldInfo::changeable).toList();
  }

  /** Starts a descriptor; the generated catalogs use this to stay readable. */
  public static <E extends HookEvent, C> Builder<E, C> builder(
      String name, Class<E> eventType, Class<C> changesType) {
    return new Builder<>(name, eventType, changesType);
  }

  /** Builds a {@link HookPointDescriptor} one named property at a time. */
  public static final class Builder<E extends HookEvent, C> {
    private final String name;
    private final Class<E> eventType;
    private final Class<C> changesType;
    private boolean async;
    private String description = "";
    private String source = "";
    private long timeoutMs = -1;
    private List<FieldInfo> fields = List.of();
    private String examplePayload = "{}";
    private ChangesDecoder<C> decoder;
    private ChangesApplier<E, C> applier;

    private Builder(String name, Class<E> eventType, Class<C> changesType) {
      this.name = name;
      this.eventType = eventType;
      this.changesType = changesType;
    }

    public Builder<E, C> async(boolean async) {
      this.async = async;
      return this;
    }

    public Builder<E, C> description(String description) {
      this.description = description;
      return this;
    }

    public Builder<E, C> source(String source) {
      this.source = source;
      return this;
    }

    public Builder<E, C> timeoutMs(long timeoutMs) {
      this.timeoutMs = timeoutMs;
      return this;
    }

    public Builder<E, C> fields(FieldInfo... fields) {
      this.fields = List.of(fields);
      return this;
    }

    public Builder<E, C> examplePayload(String examplePayload) {
      this.examplePayload = examplePayload;
      return this;
    }

    public Builder<E, C> changes(ChangesDecoder<C> decoder, ChangesApplier<E, C> applier) {
      this.decoder = decoder;
      this.applier = applier;
      return this;
    }

    public HookPointDescriptor<E, C> build() {
      return new HookPointDescriptor<>(name, Phase.of(name), async, description, source, eventType,
          changesType, timeoutMs, fields, examplePayload, decoder, applier);
    }
  }
}
