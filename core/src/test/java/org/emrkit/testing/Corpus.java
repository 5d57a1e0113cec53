package org.emrkit.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import org.emrkit.json.RecordJson;
import org.emrkit.json.TemplateJson;
import org.emrkit.record.Record;
import org.emrkit.template.Template;

/** Templates and records of the validation corpus, read from the class path (core's test-jar). */
public final class Corpus {
  private Corpus() {}

  /** The corpus template with this id. */
  public static Template template(String id) {
    return TemplateJson.create().read(text("/validation/templates/" + id + ".json")).orElseThrow();
  }

  /** The corpus record in this file, filled from {@code template}. */
  public static Record record(String file, Template template) {
    return RecordJson.create().read(text("/validation/records/" + file), template).orElseThrow();
  }

  private static String text(String resource) {
    try (InputStream in = Corpus.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalArgumentException("no corpus resource " + resource);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
