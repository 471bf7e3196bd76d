package dev.hookpoint.processor.writing;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import java.util.List;
import java.util.Map;

/** The runtime types generated code refers to; named here so the processor needs no runtime on its path. */
final class RuntimeTypes {

  private static final String RUNTIME = "dev.hookpoint.runtime";
  /** What generated code compiles against; the host's context and the decoders' exception are the host API's. */
  private static final String CONTRACT = RUNTIME + ".contract";

  static final ClassName HOOK_EVENT = ClassName.get(CONTRACT, "HookEvent");
  static final ClassName HOOK_CONTEXT = ClassName.get(RUNTIME, "HookContext");
  static final ClassName HOOK_CATALOG = ClassName.get(CONTRACT, "HookCatalog");
  static final ClassName HOOK_DISPATCHER = ClassName.get(CONTRACT, "HookDispatcher");
  static final ClassName HOOK_POINT_HANDLE = ClassName.get(CONTRACT, "HookPointHandle");
  static final ClassName HOOK_POINT_DESCRIPTOR = ClassName.get(CONTRACT, "HookPointDescriptor");
  static final ClassName FIELD_INFO = ClassName.get(CONTRACT, "FieldInfo");
  static final ClassName HOOK_DATA_EXCEPTION = ClassName.get(RUNTIME, "HookDataException");
  static final ClassName WIRE_ENCODER = ClassName.get(CONTRACT, "WireEncoder");
  static final ClassName WIRE_DECODER = ClassName.get(CONTRACT, "WireDecoder");
  static final ClassName WIRE_PATH = ClassName.get(CONTRACT, "WirePath");
  static final ClassName WIRE_WRITER = ClassName.get(CONTRACT, "WireWriter");
  static final ClassName PLAIN_VALUES = ClassName.get(CONTRACT, "PlainValues");

  static final TypeName STRING_OBJECT_MAP =
      ParameterizedTypeName.get(ClassName.get(Map.class), ClassName.get(String.class), ClassName.OBJECT);
  static final TypeName WIRE_MAP = ParameterizedTypeName.get(ClassName.get(Map.class),
      ClassName.get(String.class), com.palantir.javapoet.WildcardTypeName.subtypeOf(Object.class));
  static final TypeName STRING_LIST =
      ParameterizedTypeName.get(ClassName.get(List.class), ClassName.get(String.class));

  private RuntimeTypes() {}
}
