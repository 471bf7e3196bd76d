package dev.hookpoint.processor.writing;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import java.util.List;
import java.util.Map;

/** The runtime types generated code refers to; named here so the processor needs no runtime on its path. */
final class RuntimeTypes {

  private static final String RUNTIME = "dev.hookpoint.runtime";

  static final ClassName HOOK_EVENT = ClassName.get(RUNTIME, "HookEvent");
  static final ClassName HOOK_CONTEXT = ClassName.get(RUNTIME, "HookContext");
  static final ClassName HOOK_CATALOG = ClassName.get(RUNTIME, "HookCatalog");
  static final ClassName HOOK_DISPATCHER = ClassName.get(RUNTIME, "HookDispatcher");
  static final ClassName HOOK_POINT_HANDLE = ClassName.get(RUNTIME, "HookPointHandle");
  static final ClassName HOOK_POINT_DESCRIPTOR = ClassName.get(RUNTIME, "HookPointDescriptor");
  static final ClassName FIELD_INFO = ClassName.get(RUNTIME, "FieldInfo");
  static final ClassName HOOK_DATA_EXCEPTION = ClassName.get(RUNTIME, "HookDataException");
  static final ClassName WIRE_ENCODER = ClassName.get(RUNTIME + ".wire", "WireEncoder");
  static final ClassName WIRE_DECODER = ClassName.get(RUNTIME + ".wire", "WireDecoder");
  static final ClassName WIRE_WRITER = ClassName.get(RUNTIME + ".wire", "WireWriter");
  static final ClassName PLAIN_VALUES = ClassName.get(RUNTIME + ".wire", "PlainValues");

  static final TypeName STRING_OBJECT_MAP =
      ParameterizedTypeName.get(ClassName.get(Map.class), ClassName.get(String.class), ClassName.OBJECT);
  static final TypeName WIRE_MAP = ParameterizedTypeName.get(ClassName.get(Map.class),
      ClassName.get(String.class), com.palantir.javapoet.WildcardTypeName.subtypeOf(Object.class));
  static final TypeName STRING_LIST =
      ParameterizedTypeName.get(ClassName.get(List.class), ClassName.get(String.class));

  private RuntimeTypes() {}
}
