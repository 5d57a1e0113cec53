package org.emrkit.interop.cda;

import java.util.List;
import java.util.function.BiConsumer;
import org.emrkit.interop.cda.Body.Cell;
import org.emrkit.interop.cda.Body.Cluster;
import org.emrkit.interop.cda.Body.Entry;
import org.emrkit.interop.cda.Body.Grid;
import org.emrkit.interop.cda.Body.Narrative;
import org.emrkit.interop.cda.Body.Para;
import org.emrkit.interop.cda.Placement.Out;
import org.emrkit.terminology.DataElements;

/**
 * Writes the body of a shared document: a {@code structuredBody} of sections with their LOINC
 * codes, titles, narrative ({@code text}) and one {@code observation} entry per field bound to
 * a data element (a repeat entry's observations in one {@code organizer}), coded by the data
 * element ({@code 2.16.156.10011.2.2.1}) and typed by it.
 */
final class CdaWriter {

  /** The OID of the data-element directory (卫生信息数据元目录, WS 363). */
  static final String DATA_ELEMENTS = "2.16.156.10011.2.2.1";
  static final String LOINC = "2.16.840.1.113883.6.1";

  private final Xml x;
  private final CodeSystems systems;
  private final BiConsumer<String, String> unknownSystem;

  /**
   * @param unknownSystem told the name of each code system a coded value names that has no OID,
   *     and the value's pointer
   */
  CdaWriter(Xml x, CodeSystems systems, BiConsumer<String, String> unknownSystem) {
    this.x = x;
    this.systems = systems;
    this.unknownSystem = unknownSystem;
  }

  void body(List<Out> sections, String untitled) {
    x.start("component").start("structuredBody");
    for (Out s : sections) {
      section(s, untitled);
    }
    if (sections.isEmpty()) {
      // the schema wants a section; a record that shows nothing says so
      x.start("component").start("section").element("title", untitled).start("text");
      paragraph("（无内容）", false);
      x.end().end().end();
    }
    x.end().end();
  }

  private void section(Out s, String untitled) {
    x.start("component").start("section");
    if (s.code() != null) {
      x.empty("code", "code", s.code(), "displayName", s.display(), "codeSystem", LOINC,
          "codeSystemName", "LOINC");
    }
    x.element("title", s.title() != null ? s.title() : untitled);
    x.start("text");
    if (s.text().isEmpty()) {
      for (Object item : s.items()) {
        for (Entry e : item instanceof Cluster c ? c.entries() : List.of((Entry) item)) {
          paragraph(e.label() + "：" + e.shown(), false);
        }
      }
    }
    for (Narrative n : s.text()) {
      if (n instanceof Para p) {
        paragraph(p.text(), p.heading());
      } else {
        table((Grid) n);
      }
    }
    x.end();
    for (Object item : s.items()) {
      x.start("entry");
      if (item instanceof Cluster c) {
        x.start("organizer").attr("classCode", "CLUSTER", "moodCode", "EVN");
        x.empty("statusCode", "code", "completed");
        if (c.time() != null) {
          x.empty("effectiveTime", "value", c.time());
        }
        for (Entry e : c.entries()) {
          x.start("component");
          observation(e);
          x.end();
        }
        x.end();
      } else {
        observation((Entry) item);
      }
      x.end();
    }
    x.end().end();
  }

  private void paragraph(String text, boolean heading) {
    x.start("paragraph");
    if (heading) {
      x.start("content").attr("styleCode", "Bold").text(text).end();
    } else {
      lines(text);
    }
    x.end();
  }

  private void lines(String text) {
    // a vertical tab or form feed is a line break here too (Xml.checked made it a line feed
    // after the split, which narrative text shows as a space)
    String[] lines = org.emrkit.record.ValueText.lines(org.emrkit.record.ValueText.printable(text));
    for (int i = 0; i < lines.length; i++) {
      if (i > 0) {
        x.empty("br");
      }
      x.text(lines[i]);
    }
  }

  private void table(Grid g) {
    x.start("table").attr("border", "1", "width", "100%").start("tbody");
    for (List<Cell> row : g.rows()) {
      x.start("tr");
      for (Cell c : row) {
        x.start(c.header() ? "th" : "td").attr("colspan",
            c.colSpan() > 1 ? Integer.toString(c.colSpan()) : null, "rowspan",
            c.rowSpan() > 1 ? Integer.toString(c.rowSpan()) : null);
        lines(String.join("\n", c.lines()));
        x.end();
      }
      x.end();
    }
    x.end().end();
  }

  private void observation(Entry e) {
    String root = DataElements.root(e.element());
    x.start("observation").attr("classCode", "OBS", "moodCode", "EVN");
    x.empty("code", "code", e.element(), "codeSystem", DATA_ELEMENTS, "codeSystemName",
        "卫生信息数据元目录", "displayName",
        DataElements.names(root).map(DataElements.Names::zh).orElse(e.label()));
    value(e.value(), e.path());
    x.end();
  }

  /**
   * A typed value as the {@code value} element of an observation; a code whose system has no
   * known OID means nothing in HL7 v3, so it is written as text (and reported).
   */
  private void value(Typed t, String path) {
    java.util.Optional<CodeSystems.Oid> oid = t.type().equals("CD") ? systems.oid(t.system())
        : java.util.Optional.empty();
    if (t.type().equals("CD") && oid.isEmpty()) {
      unknownSystem.accept(t.system() == null ? "（无 none）" : t.system(), path);
      t = new Typed("ST", t.display() != null ? t.display() + "（" + t.value() + "）" : t.value(),
          null, null, null);
    }
    x.start("value").xsiType(t.type());
    switch (t.type()) {
      case "ST" -> x.text(t.value());
      case "CD" -> x.attr("code", t.value(), "codeSystem", oid.orElseThrow().oid(),
          "codeSystemName", oid.orElseThrow().name(), "displayName", t.display());
      case "PQ" -> x.attr("value", t.value(), "unit", t.unit());
      default -> x.attr("value", t.value());
    }
    x.end();
  }
}
