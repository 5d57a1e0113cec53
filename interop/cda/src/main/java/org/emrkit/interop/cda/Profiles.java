package org.emrkit.interop.cda;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The WS/T 500-2016 shared documents EMRKit exports to, read from the shipped table
 * {@code ws-t-500.tsv}: for each document type the part of the standard, its document code and
 * template id, and for the types mapped in detail the sections in the standard's order with
 * the data elements each holds and which of them the part requires. Immutable.
 */
final class Profiles {

  /** The OID of the WS/T 500 document template ids (a part's template is this .(20 + part)). */
  static final String TEMPLATE_ROOT = "2.16.156.10011.2.1.1";

  /** A shared document of the standard. */
  record Document(String type, int part, String title, List<SectionProfile> sections) {
    /** The document code, {@code C0034}. */
    String code() {
      return String.format("C%04d", part);
    }

    /** The template id, {@code 2.16.156.10011.2.1.1.54}. */
    String templateId() {
      return TEMPLATE_ROOT + "." + (20 + part);
    }

    /** The first section that lists this data element (its four-part root), if any. */
    Optional<SectionProfile> sectionOf(String element) {
      return sections.stream().filter(s -> s.lists(element)).findFirst();
    }
  }

  /**
   * A section of a shared document: its LOINC code and display name, its title, the data
   * elements it holds in order and those the part requires.
   */
  record SectionProfile(String code, String display, String title, List<String> elements,
      Set<String> required) {
    boolean lists(String element) {
      return element != null && elements.contains(org.emrkit.terminology.DataElements.root(element));
    }
  }

  private static final Map<String, Document> DOCUMENTS = new HashMap<>();
  private static final Map<String, String> SOURCES = new HashMap<>();

  static {
    load();
  }

  private Profiles() {}

  /** The shared document of a document type, if the standard has one EMRKit maps. */
  static Optional<Document> document(String documentType) {
    return Optional.ofNullable(documentType == null ? null : DOCUMENTS.get(documentType));
  }

  /** Every document type that exports, in no order. */
  static Set<String> types() {
    return DOCUMENTS.keySet();
  }

  /** The context path that fills a header element when no field does ({@code encounter.admittedAt}). */
  static Optional<String> source(String element) {
    return Optional.ofNullable(SOURCES.get(element));
  }

  private static void load() {
    Map<String, List<SectionProfile>> sections = new HashMap<>();
    List<String[]> docs = new ArrayList<>();
    for (String line : read().split("\n")) {
      if (line.isBlank() || line.startsWith("#")) {
        continue;
      }
      String[] p = line.split("\t", -1);
      switch (p[0]) {
        case "doc" -> docs.add(p);
        case "sec" -> sections.computeIfAbsent(p[1], k -> new ArrayList<>()).add(section(p));
        case "src" -> SOURCES.put(p[1], p[2]);
        default -> throw new IllegalStateException("ws-t-500.tsv: unknown row " + line);
      }
    }
    for (String[] d : docs) {
      DOCUMENTS.put(d[1], new Document(d[1], Integer.parseInt(d[2]), d[3],
          List.copyOf(sections.getOrDefault(d[1], List.of()))));
    }
  }

  private static SectionProfile section(String[] p) {
    List<String> elements = new ArrayList<>();
    Set<String> required = new LinkedHashSet<>();
    for (String e : p[5].trim().split(" ")) {
      if (e.isEmpty()) {
        continue;
      }
      String id = e.endsWith("!") ? e.substring(0, e.length() - 1) : e;
      elements.add(id);
      if (e.endsWith("!")) {
        required.add(id);
      }
    }
    return new SectionProfile(p[2], p[3], p[4], List.copyOf(elements), Set.copyOf(required));
  }

  static String read() {
    return resource("ws-t-500.tsv");
  }

  static String resource(String name) {
    try (InputStream in = Profiles.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException(name + " is missing from emrkit-interop-cda");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
