package dev.hookpoint.processor.model;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import java.util.List;

/** The type of a payload value: what the host declared, reduced to what can travel to a hook and back. */
public sealed interface ValueType {

  /** The host's Java type, primitive where the host declared a primitive. */
  TypeName javaType();

  /** The type with primitives boxed, for changes records and generics. */
  default TypeName boxedType() {
    return javaType().box();
  }

  /** Whether the host value can be {@code null}. */
  default boolean nullable() {
    return !javaType().isPrimitive();
  }

  /** The type as hook authors read it in docs: {@code string}, {@code list<integer>}, {@code SearchSettings}. */
  String docName();

  /** A leaf: text, number, boolean, date. */
  record Scalar(ScalarKind kind, TypeName javaType) implements ValueType {
    @Override
    public String docName() {
      return kind.wireType();
    }
  }

  /** An enum, travelling as its lower-case constant name. */
  record EnumValue(ClassName javaType, List<String> constants) implements ValueType {
    @Override
    public String docName() {
      return "string";
    }
  }

  /** A {@code List<T>} (or {@code Set<T>}/{@code Collection<T>} declared as List only). */
  record ListOf(ValueType element) implements ValueType {
    @Override
    public TypeName javaType() {
      return ParameterizedTypeName.get(ClassName.get(List.class), element.boxedType());
    }

    @Override
    public String docName() {
      return "list<" + element.docName() + ">";
    }
  }

  /** A {@code Map<String, T>}, travelling as an object. */
  record MapOf(ValueType value) implements ValueType {
    @Override
    public TypeName javaType() {
      return ParameterizedTypeName.get(ClassName.get(java.util.Map.class), ClassName.get(String.class),
          value.boxedType());
    }

    @Override
    public String docName() {
      return "map<string, " + value.docName() + ">";
    }
  }

  /** A host record, travelling as an object of its components. */
  record RecordValue(ClassName javaType, List<Field> components) implements ValueType {
    @Override
    public String docName() {
      return javaType.simpleName();
    }
  }
}
