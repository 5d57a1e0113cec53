package org.emrkit.interop.cda;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.emrkit.interop.cda.Body.Cluster;
import org.emrkit.interop.cda.Body.Entry;
import org.emrkit.interop.cda.Body.Node;
import org.emrkit.interop.cda.Profiles.SectionProfile;
import org.emrkit.terminology.DataElements;

/**
 * Places what the walk gathered into the sections of the shared document: each template
 * section into the standard's section it maps to (by its section code, its data element, its
 * title, the data elements of its fields, else its parent's), each entry into the section that
 * lists its data element, in the standard's order; what maps to no section of the standard
 * follows in sections of its own, with the template's titles. The patient's demographic
 * elements go to the header instead.
 */
final class Placement {

  /** A section of the document as written: code (or {@code null}), title, narrative, entries. */
  record Out(String code, String display, String title, SectionProfile profile,
      List<Body.Narrative> text, List<Object> items) {}

  /** Data elements the CDA header carries (patient name, sex, marital status, birth date). */
  static final Set<String> HEADER = Set.of("DE02.01.039.00", "DE02.01.040.00", "DE02.01.018.00",
      "DE02.01.005.01");

  private final Profiles.Document document;
  private final Map<Node, SectionProfile> mapped = new IdentityHashMap<>();
  private final Map<SectionProfile, Out> bySection = new LinkedHashMap<>();
  private final Map<Node, Out> own = new LinkedHashMap<>();
  private final Map<String, Entry> header = new HashMap<>();

  Placement(Profiles.Document document, Node top) {
    this.document = document;
    for (SectionProfile s : document.sections()) {
      bySection.put(s, new Out(s.code(), s.display(), s.title(), s, new ArrayList<>(),
          new ArrayList<>()));
    }
    List<Node> nodes = new ArrayList<>();
    flatten(top, nodes);
    for (Node n : nodes) {
      map(n).ifPresent(s -> mapped.put(n, s));
    }
    for (Node n : nodes) {
      place(n);
    }
  }

  /** The sections as written, the standard's first in its order, then the template's own. */
  List<Out> sections() {
    // own's first is the content outside every section, which comes first in the template too
    List<Out> out = new ArrayList<>(own.values());
    out.addAll(out.isEmpty() || out.get(0).title() != null ? 0 : 1, bySection.values());
    out.removeIf(o -> o.text().isEmpty() && o.items().isEmpty());
    for (Out o : out) {
      if (o.profile() != null) {
        // in the order the standard lists the elements (a stable sort: repeats keep theirs)
        o.items().sort(java.util.Comparator.comparingInt(i -> rank(o.profile(), i)));
      }
    }
    return out;
  }

  private static int rank(SectionProfile s, Object item) {
    Entry e = item instanceof Cluster c ? c.entries().get(0) : (Entry) item;
    int i = s.elements().indexOf(DataElements.root(e.element()));
    return i < 0 ? Integer.MAX_VALUE : i;
  }

  /** The header's elements the record's fields gave, by data element. */
  Map<String, Entry> header() {
    return header;
  }

  private static void flatten(Node n, List<Node> out) {
    out.add(n);
    for (Node c : n.children) {
      flatten(c, out);
    }
  }

  private Optional<SectionProfile> map(Node n) {
    if (n.section == null) {
      return Optional.empty();
    }
    String code = n.section.code();
    if (code != null && code.startsWith("LOINC:")) {
      String loinc = code.substring(6);
      Optional<SectionProfile> s = document.sections().stream()
          .filter(p -> p.code().equals(loinc)).findFirst();
      if (s.isPresent()) {
        return s;
      }
    }
    if (n.section.dataElement() != null) {
      Optional<SectionProfile> s = document.sectionOf(n.section.dataElement());
      if (s.isPresent()) {
        return s;
      }
    }
    Optional<SectionProfile> byTitle = document.sections().stream()
        .filter(p -> p.title().equals(n.section.title())).findFirst();
    if (byTitle.isPresent()) {
      return byTitle;
    }
    Optional<SectionProfile> byField = firstElement(n).flatMap(document::sectionOf);
    if (byField.isPresent()) {
      return byField;
    }
    return n.parent == null ? Optional.empty() : map(n.parent);
  }

  private static Optional<String> firstElement(Node n) {
    for (Object i : n.items) {
      Entry e = i instanceof Cluster c ? c.entries().get(0) : (Entry) i;
      return Optional.of(e.element());
    }
    for (Node c : n.children) {
      Optional<String> e = firstElement(c);
      if (e.isPresent()) {
        return e;
      }
    }
    return Optional.empty();
  }

  private void place(Node n) {
    SectionProfile s = mapped.get(n);
    Out home = s != null ? bySection.get(s) : own.computeIfAbsent(ownKey(n), this::ownSection);
    if (n.section != null && (s == null ? n.parent != null && n.parent.section != null
        : !n.section.title().equals(s.title()))) {
      if (!n.text.isEmpty() || s != null) {
        home.text().add(new Body.Para(n.section.title(), true));
      }
    }
    home.text().addAll(n.text);
    for (Object item : n.items) {
      Entry first = item instanceof Cluster c ? c.entries().get(0) : (Entry) item;
      if (item instanceof Entry e && HEADER.contains(DataElements.root(e.element()))) {
        header.putIfAbsent(DataElements.root(e.element()), e);
        continue;
      }
      SectionProfile to = target(n, first.element());
      (to != null ? bySection.get(to) : home).items().add(item);
    }
  }

  /** The outermost unmapped section around an unmapped one: whose section it is written in. */
  private Node ownKey(Node n) {
    Node top = n;
    while (top.parent != null && top.parent.section != null && mapped.get(top.parent) == null) {
      top = top.parent;
    }
    return top;
  }

  /**
   * The standard's section an entry of this data element in this template section goes to: the
   * one the template section maps to when it lists the element, else the first that lists it,
   * else the one the template section maps to; {@code null} for none.
   */
  SectionProfile target(Node n, String element) {
    SectionProfile s = mapped.get(n);
    if (s != null && s.lists(element)) {
      return s;
    }
    return document.sectionOf(element).orElse(s);
  }

  private Out ownSection(Node n) {
    if (n.section == null) {
      return new Out(null, null, null, null, new ArrayList<>(), new ArrayList<>());
    }
    String code = n.section.code();
    return new Out(code != null && code.startsWith("LOINC:") ? code.substring(6) : null, null,
        n.section.title(), null, new ArrayList<>(), new ArrayList<>());
  }
}
