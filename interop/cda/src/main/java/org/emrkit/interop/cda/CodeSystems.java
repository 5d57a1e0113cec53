package org.emrkit.interop.cda;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The OIDs of code systems, by the name templates and records give them ({@code ICD-10},
 * {@code GB/T2261.1}, {@code icd10-clinical|2.0}): the table EMRKit ships
 * ({@code code-systems.tsv}) and those a host adds. Immutable.
 */
public final class CodeSystems {

  /** A code system's OID and its name as WS/T 500 documents write it. */
  public record Oid(String oid, String name) {}

  private static final CodeSystems SHIPPED = new CodeSystems(read());

  private final Map<String, Oid> byName;

  private CodeSystems(Map<String, Oid> byName) {
    this.byName = Map.copyOf(byName);
  }

  /** The code systems EMRKit knows. */
  public static CodeSystems shipped() {
    return SHIPPED;
  }

  /**
   * These code systems and one more: a host's own value domain ({@code CV06.00.103} → its OID
   * in the hospital's platform).
   */
  public CodeSystems with(String name, String oid, String displayName) {
    if (!oid.matches("[0-2](\\.(0|[1-9][0-9]*))+")) {
      throw new IllegalArgumentException("not an OID: " + oid);
    }
    Map<String, Oid> m = new HashMap<>(byName);
    m.put(name, new Oid(oid, displayName));
    return new CodeSystems(m);
  }

  /** The OID of a code system, by name or by name without its version ({@code icd10-clinical|2.0}). */
  public Optional<Oid> oid(String system) {
    if (system == null) {
      return Optional.empty();
    }
    Oid o = byName.get(system);
    if (o == null && system.indexOf('|') > 0) {
      o = byName.get(system.substring(0, system.indexOf('|')));
    }
    return Optional.ofNullable(o);
  }

  private static Map<String, Oid> read() {
    Map<String, Oid> m = new HashMap<>();
    for (String line : Profiles.resource("code-systems.tsv").split("\n")) {
      if (!line.isBlank() && !line.startsWith("#")) {
        String[] p = line.split("\t");
        m.put(p[0], new Oid(p[1], p[2]));
      }
    }
    return m;
  }
}
