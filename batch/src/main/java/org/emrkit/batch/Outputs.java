package org.emrkit.batch;

import java.io.ByteArrayOutputStream;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.emrkit.interop.fhir.FhirForms;
import org.emrkit.record.Record;
import org.emrkit.render.RecordRenderer;
import org.emrkit.render.RenderFormat;
import org.emrkit.render.RenderFormats;
import org.emrkit.render.RenderOptions;
import org.emrkit.template.Template;

/**
 * What a run writes for each record besides its manifest entry, by format name: {@code pdf}
 * (PDF/A-2b, the archive's copy), {@code docx}, {@code cda} (through the render formats on the
 * class path) and {@code fhir} (a QuestionnaireResponse). All of a record's files are made in
 * memory before any is written, so a record that fails in one format leaves no file.
 */
final class Outputs {

  private final Map<String, RecordRenderer> renderers = new LinkedHashMap<>();
  private final Map<String, String> extensions = new LinkedHashMap<>();
  private final FhirForms fhir;

  Outputs(List<String> formats, Clock clock) {
    RenderOptions options = RenderOptions.builder().clock(clock).endMark(true).build();
    FhirForms forms = null;
    for (String f : formats) {
      if (f.equals("fhir")) {
        forms = FhirForms.create().withClock(clock);
        extensions.put(f, "fhir.json");
        continue;
      }
      RenderFormat format = format(f);
      renderers.put(f, format.renderer(options));
      extensions.put(f, f.equals("cda") ? "cda.xml" : format.extension());
    }
    this.fhir = forms;
  }

  /**
   * Checks the formats a run asks for, by name only (a renderer is built on the workers, where
   * it is used: building one loads its fonts).
   *
   * @throws IllegalArgumentException naming an unknown format and the known ones
   */
  static void check(String formats) {
    for (String f : parse(formats)) {
      if (!f.equals("fhir")) {
        format(f);
      }
    }
  }

  private static RenderFormat format(String name) {
    return RenderFormats.find(name).orElseThrow(() -> new IllegalArgumentException(
        "unknown format " + name + ": " + String.join(", ", RenderFormats.available().stream()
            .map(RenderFormat::name).toList()) + ", fhir or none"));
  }

  /** The formats given, parsed: {@code none} for none. */
  static List<String> parse(String formats) {
    if (formats.isBlank() || formats.equals("none")) {
      return List.of();
    }
    return List.of(formats.split(","));
  }

  /** The record's files, by file extension ({@code pdf}, {@code cda.xml}). */
  Map<String, byte[]> make(Template t, Record r) {
    Map<String, byte[]> out = new LinkedHashMap<>();
    for (Map.Entry<String, String> e : extensions.entrySet()) {
      if (e.getKey().equals("fhir")) {
        out.put(e.getValue(), fhir.json(fhir.response(t, r))
            .getBytes(java.nio.charset.StandardCharsets.UTF_8));
      } else {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(64 * 1024);
        renderers.get(e.getKey()).render(t, r, bytes);
        out.put(e.getValue(), bytes.toByteArray());
      }
    }
    return out;
  }
}
