package dev.hookpoint.processor.writing;

import dev.hookpoint.processor.model.HookPointModel;
import dev.hookpoint.processor.model.HookedClass;
import java.util.Set;
import java.util.TreeSet;
import javax.annotation.processing.Filer;
import javax.lang.model.element.Element;

/** Everything the processor generates, written from the model; the only entry point of this package. */
public final class Writers {

  /** Hookpoint's own {@code @Generated}, which every generated type carries; the processor lists it as supported. */
  public static final String GENERATED_ANNOTATION = GeneratedFiles.GENERATED.canonicalName();

  private final EventRecordWriter eventWriter;
  private final ChangesRecordWriter changesWriter;
  private final EventDocsWriter docsWriter;
  private final WrapperWriter wrapperWriter;
  private final CatalogWriter catalogWriter;
  private final ServicesFileWriter servicesFile;
  private final LuaTypes luaTypes;
  private final Set<String> catalogs = new TreeSet<>();

  public Writers(Filer filer) {
    GeneratedFiles files = new GeneratedFiles(filer);
    this.eventWriter = new EventRecordWriter(files, new WireClassWriter(files));
    this.changesWriter = new ChangesRecordWriter(files);
    this.luaTypes = new LuaTypes(files);
    this.docsWriter = new EventDocsWriter(files, luaTypes);
    this.wrapperWriter = new WrapperWriter(files);
    this.catalogWriter = new CatalogWriter(files);
    this.servicesFile = new ServicesFileWriter(filer, files);
  }

  /** Writes a class's events, changes and docs for the points it declares first, its wrapper and catalog. */
  public void write(HookedClass hooked, Element origin) {
    for (HookPointModel point : hooked.declaredPoints()) {
      eventWriter.write(point, origin);
      changesWriter.write(point, origin);
      docsWriter.write(point, origin);
    }
    wrapperWriter.write(hooked, origin);
    if (!hooked.declaredPoints().isEmpty()) {
      catalogWriter.write(hooked, origin);
      catalogs.add(hooked.catalog().canonicalName());
    }
  }

  /**
   * Writes what covers every class: the services file listing every catalog written, and the LuaLS classes the
   * events share; once, when processing is over.
   */
  public void writeAggregatedFiles() {
    servicesFile.write(catalogs);
    luaTypes.write();
  }
}
