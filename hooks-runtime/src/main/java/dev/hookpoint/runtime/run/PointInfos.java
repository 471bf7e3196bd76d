package dev.hookpoint.runtime.run;

import dev.hookpoint.runtime.contract.FieldInfo;
import dev.hookpoint.runtime.contract.HookPointDescriptor;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** What the runs of one hook point share, worked out once per descriptor. */
final class PointInfos {

  /**
   * @param parser checks results against this event's changeable values
   * @param envVars the documented environment variable of each payload field, by dotted path
   */
  record PointInfo(HookPointDescriptor<?, ?> point, ResultParser parser, Map<String, String> envVars) {}

  private final Map<String, PointInfo> points = new ConcurrentHashMap<>();

  /**
   * Looked up by name, then checked by identity: two catalogs may describe one event with different fields (as
   * the dispatcher's handles allow), and a record's hashCode would walk every field on each run.
   */
  PointInfo of(HookPointDescriptor<?, ?> point) {
    PointInfo info = points.get(point.name());
    if (info == null || info.point() != point) {
      info = create(point);
      points.put(point.name(), info);
    }
    return info;
  }

  private static PointInfo create(HookPointDescriptor<?, ?> point) {
    Map<String, String> envVars = new LinkedHashMap<>();
    for (FieldInfo field : point.fields()) {
      if (field.envVar() != null) {
        envVars.put(field.path(), field.envVar());
      }
    }
    return new PointInfo(point, new ResultParser(point), Map.copyOf(envVars));
  }
}
