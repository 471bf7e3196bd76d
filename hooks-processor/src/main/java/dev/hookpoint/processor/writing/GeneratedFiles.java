package dev.hookpoint.processor.writing;

import com.palantir.javapoet.AnnotationSpec;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.JavaFile;
import com.palantir.javapoet.TypeSpec;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.regex.Pattern;
import javax.annotation.processing.Filer;
import javax.lang.model.element.Element;
import javax.tools.FileObject;
import javax.tools.JavaFileObject;
import javax.tools.StandardLocation;

/**
 * The one place generated files are written: every Java file gets Hookpoint's class-retained {@code @Generated},
 * its originating element for incremental builds, and the same formatting.
 */
final class GeneratedFiles {

  /** Hookpoint's own annotation: it is on every host's class path already, beside {@code @HookPoint}. */
  static final ClassName GENERATED = ClassName.get("dev.hookpoint.annotations", "Generated");
  private static final String PROCESSOR = "dev.hookpoint.processor.HookPointProcessor";

  private static final Pattern TRAILING_SPACE = Pattern.compile("[ \t]+$", Pattern.MULTILINE);

  private final Filer filer;

  GeneratedFiles(Filer filer) {
    this.filer = filer;
  }

  /** Writes a Java type into a package; {@code from} names the host element it comes from. */
  void writeJava(String packageName, TypeSpec.Builder type, String from, Element origin) {
    type.addAnnotation(AnnotationSpec.builder(GENERATED)
        .addMember("value", "$S", PROCESSOR)
        .addMember("from", "$S", from)
        .build());
    JavaFile file = JavaFile.builder(packageName, type.build())
        .skipJavaLangImports(true)
        .indent("  ")
        .build();
    // A line JavaPoet breaks after "=" would end in a space; no string literal can hold one before a newline.
    String source = TRAILING_SPACE.matcher(file.toString()).replaceAll("");
    try {
      JavaFileObject out = filer.createSourceFile(packageName + "." + file.typeSpec().name(), origin);
      try (Writer writer = out.openWriter()) {
        writer.write(source);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("could not write " + packageName + "." + file.typeSpec().name(), e);
    }
  }

  /**
   * Text from the host, made safe inside a Javadoc comment and broken after spaces into lines of about 90
   * characters, which leaves room for the comment's indentation and whatever precedes the text on its line.
   */
  static String javadocText(String text) {
    StringBuilder wrapped = new StringBuilder();
    int lineLength = 0;
    for (String word : text.replace("*/", "*&#47;").split(" ")) {
      if (lineLength > 0 && lineLength + 1 + word.length() > 90) {
        wrapped.append('\n');
        lineLength = 0;
      } else if (lineLength > 0) {
        wrapped.append(' ');
        lineLength++;
      }
      wrapped.append(word);
      lineLength = word.contains("\n") ? word.length() - word.lastIndexOf('\n') - 1 : lineLength + word.length();
    }
    return wrapped.toString();
  }

  /** Writes a text resource to the class output, e.g. {@code META-INF/hookpoint/events/x.md}. */
  void writeResource(String path, String content, Element... origins) {
    try {
      FileObject resource = filer.createResource(StandardLocation.CLASS_OUTPUT, "", path, origins);
      try (Writer writer = resource.openWriter()) {
        writer.write(content);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("could not write " + path, e);
    }
  }
}
