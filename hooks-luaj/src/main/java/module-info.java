/**
 * LuaJ's interpreter, compiler and libraries, as Hookpoint's runtime uses them; the classes are LuaJ's own,
 * unpacked here by the build ({@code pom.xml} says why this module exists).
 */
module dev.hookpoint.luaj {
  exports org.luaj.vm2;
  exports org.luaj.vm2.compiler;
  exports org.luaj.vm2.lib;
  exports org.luaj.vm2.lib.jse;
}
