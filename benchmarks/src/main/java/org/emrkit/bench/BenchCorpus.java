package org.emrkit.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import org.emrkit.json.RecordJson;
import org.emrkit.json.TemplateJson;
import org.emrkit.record.Record;
import org.emrkit.template.Template;

/** The validation corpus's templates and records, as the benchmarks read them. */
final class BenchCorpus {

  private BenchCorpus() {}

  /** A resource of core's test-jar as text ({@code /validation/records/...}). */
  static String text(String name) {
    try (InputStream in = BenchCorpus.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException("no corpus resource " + name);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The corpus template with this id. */
  static Template template(String id) {
    return TemplateJson.create().read(text("/validation/templates/" + id + ".json"))
        .orElseThrow();
  }

  /** The corpus record in this file, filled from {@code template}. */
  static Record record(String file, Template template) {
    return RecordJson.create().read(text("/validation/records/" + file), template).orElseThrow();
  }

  /**
   * A record the PDF benchmarks print, by name: {@code admission} is the 入院记录 example (2
   * pages), {@code hundred-pages} 470 generated progress notes (about 100 pages).
   *
   * @param template the record's template
   * @param record the record
   */
  record PdfCase(Template template, Record record) {

    static PdfCase of(String which) {
      if ("admission".equals(which)) {
        Template t = org.emrkit.testing.Corpus.template("admission-record");
        return new PdfCase(t, org.emrkit.testing.Corpus.record("clean--admission-record.json", t));
      }
      Template t = org.emrkit.testing.Corpus.template("progress-note");
      return new PdfCase(t, org.emrkit.testing.Corpus.progressNotes(t, 470));
    }
  }
}
