package org.emrkit.batch;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.emrkit.record.Record;
import org.emrkit.template.Template;
import org.emrkit.validation.ValidationReport;

/**
 * A record's manifest entry (one JSON object per line of {@code manifest.jsonl}): its source and
 * the source's SHA-256, the record, template, document type, patient, encounter, department,
 * author, grade, score, findings and their codes, and each file written with its SHA-256, size
 * and (PDF) pages; and where the archive puts a record's files.
 */
final class Manifest {

  private static final ObjectMapper JSON = new ObjectMapper();

  private Manifest() {}

  static ObjectNode entry(String source, String sourceSha, Template t, Record r,
      ValidationReport report) {
    ObjectNode e = JSON.createObjectNode();
    e.put("source", source).put("sourceSha256", sourceSha).put("record", r.id())
        .put("template", t.id() + "@" + t.version())
        .put("documentType", t.documentType() == null ? "" : t.documentType())
        .put("title", t.title())
        .put("patient", orUnknown(r.context().patient().mrn()))
        .put("encounter", orUnknown(r.context().encounter().id()))
        .put("department", orUnknown(r.context().encounter().department()))
        .put("author", r.context().author() == null ? "未知" : r.context().author().name())
        .put("grade", report.grade().label()).put("score", report.score())
        .put("findings", report.findings().size());
    ArrayNode codes = e.putArray("codes");
    report.findings().forEach(f -> codes.add(f.code()));
    return e;
  }

  /** {@code archive/PATIENT/ENCOUNTER/}: one folder per patient and encounter. */
  static String directory(Record r) {
    return "archive/" + safe(orUnknown(r.context().patient().mrn())) + "/"
        + safe(orUnknown(r.context().encounter().id())) + "/";
  }

  /** {@code 入院记录-RECORDID}: the document's title and the record's id. */
  static String fileName(Template t, Record r) {
    return safe(t.title() + "-" + r.id());
  }

  static int pages(byte[] pdf) {
    try (PDDocument d = Loader.loadPDF(pdf)) {
      return d.getNumberOfPages();
    } catch (IOException e) {
      throw new UncheckedIOException("the PDF just made does not read", e);
    }
  }

  private static String orUnknown(String s) {
    return s == null || s.isBlank() ? "未知" : s;
  }

  /** A name safe as one path segment on every file system the runners write to. */
  static String safe(String s) {
    String t = s.replaceAll("[\\\\/:*?\"<>|\\p{Cntrl}\\s]", "_");
    t = t.startsWith(".") ? "_" + t.substring(1) : t;
    return t.length() > 120 ? t.substring(0, 120) : t;
  }
}
