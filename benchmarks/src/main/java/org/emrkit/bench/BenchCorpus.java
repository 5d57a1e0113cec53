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
}
