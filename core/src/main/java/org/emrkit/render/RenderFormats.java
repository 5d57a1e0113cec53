package org.emrkit.render;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.ServiceLoader;

/**
 * The output formats on the class or module path: each renderer module registers its formats,
 * so a host, the CLI and the demo find them by name instead of knowing every renderer.
 */
public final class RenderFormats {

  private RenderFormats() {}

  /** Every format found, by name. */
  public static List<RenderFormat> available() {
    List<RenderFormat> out = new ArrayList<>();
    ServiceLoader.load(RenderFormat.class, RenderFormats.class.getClassLoader()).forEach(out::add);
    out.sort(Comparator.comparing(RenderFormat::name));
    return out;
  }

  /** The format of this name, if one is on the path. */
  public static Optional<RenderFormat> find(String name) {
    return available().stream().filter(f -> f.name().equals(name)).findFirst();
  }
}
