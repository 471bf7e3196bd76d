package dev.hookpoint.dashboard;

import dev.hookpoint.runtime.contract.HookPointDescriptor;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import org.commonmark.Extension;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.node.Heading;
import org.commonmark.node.Node;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;

/**
 * The pages the annotation processor wrote for each hook point ({@code META-INF/hookpoint/events/<event>.md} and
 * its JSON Schema), read from the host's class path beside the event's class, as {@code hooks docs} reads them.
 */
final class EventPages {

  static final String DIRECTORY = "META-INF/hookpoint/events/";

  /** The generated pages list the fields in GitHub tables. */
  private static final List<Extension> EXTENSIONS = List.of(TablesExtension.create());
  private static final Parser PARSER = Parser.builder().extensions(EXTENSIONS).build();
  /** The pages come from the host's build, but escape raw HTML in them all the same. */
  private static final HtmlRenderer HTML = HtmlRenderer.builder().extensions(EXTENSIONS).escapeHtml(true)
      .sanitizeUrls(true).build();

  private EventPages() {}

  static Optional<String> markdown(HookPointDescriptor<?, ?> point) {
    return resource(point, point.name() + ".md");
  }

  /**
   * The page as HTML, or empty when the host's build has no page for the event. The page's own title, a first
   * level-1 heading, is left out: the dashboard's layout heads every page with the event's name already.
   */
  static Optional<String> html(HookPointDescriptor<?, ?> point) {
    return markdown(point).map(md -> {
      Node document = PARSER.parse(md);
      if (document.getFirstChild() instanceof Heading title && title.getLevel() == 1) {
        title.unlink();
      }
      return HTML.render(document);
    });
  }

  static Optional<String> schema(HookPointDescriptor<?, ?> point) {
    return resource(point, point.name() + ".schema.json");
  }

  private static Optional<String> resource(HookPointDescriptor<?, ?> point, String name) {
    ClassLoader loader = point.eventType().getClassLoader();
    if (loader == null) {
      loader = ClassLoader.getSystemClassLoader();
    }
    try (InputStream in = loader.getResourceAsStream(DIRECTORY + name)) {
      return in == null ? Optional.empty() : Optional.of(new String(in.readAllBytes(), StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
