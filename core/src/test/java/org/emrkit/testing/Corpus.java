package org.emrkit.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.emrkit.json.RecordJson;
import org.emrkit.json.TemplateJson;
import org.emrkit.record.Record;
import org.emrkit.record.Value;
import org.emrkit.record.Values;
import org.emrkit.template.Template;

/** Templates and records of the validation corpus, read from the class path (core's test-jar). */
public final class Corpus {
  private Corpus() {}

  /** The corpus template with this id. */
  public static Template template(String id) {
    return TemplateJson.create().read(text("/validation/templates/" + id + ".json")).orElseThrow();
  }

  /** The corpus record in this file, filled from {@code template}. */
  /** Real patients' names with CJK Extension B characters (吉𠮷𡒄𨭉𪨶). */
  public static final String EXT_B_NAME = "吉\uD842\uDFB7\uD845\uDC84\uD862\uDF49\uD86A\uDE36";

  /** The record with its patient renamed (the rest of its context as it was). */
  public static Record withPatientName(Record r, String name) {
    var c = r.context();
    var p = c.patient();
    return new Record(r.id(), r.template(), r.embeddedTemplate(), r.status(),
        new org.emrkit.record.Context(new org.emrkit.record.Patient(name, p.sex(),
            p.birthDate(), p.mrn(), p.idType(), p.idNumber(), p.phone(), p.address()),
            c.encounter(), c.org(), c.author()), r.values(), r.completedAt(), r.signatures(),
        r.revisions(), r.extensions());
  }

  public static Record record(String file, Template template) {
    return RecordJson.create().read(text("/validation/records/" + file), template).orElseThrow();
  }

  /**
   * The names of the files in a corpus folder ({@code templates} or {@code records}), sorted;
   * read from the class path, whether the corpus is a folder or inside core's test-jar.
   */
  public static List<String> files(String folder) {
    String dir = "/validation/" + folder + "/";
    java.net.URL url = Corpus.class.getResource(dir);
    if (url == null) {
      throw new IllegalArgumentException("no corpus folder " + dir);
    }
    try {
      java.net.URI uri = url.toURI();
      if (uri.getScheme().equals("jar")) {
        try (java.nio.file.FileSystem fs = java.nio.file.FileSystems.newFileSystem(uri,
            Map.of())) {
          return names(fs.getPath(dir));
        }
      }
      return names(java.nio.file.Path.of(uri));
    } catch (java.net.URISyntaxException e) {
      throw new IllegalStateException(e);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static List<String> names(java.nio.file.Path dir) throws IOException {
    try (java.util.stream.Stream<java.nio.file.Path> s = java.nio.file.Files.list(dir)) {
      return s.map(p -> p.getFileName().toString().replace("/", "")).sorted().toList();
    }
  }

  /** A corpus resource as text, e.g. {@code /validation/records/clean--admission-record.json}. */
  public static String text(String resource) {
    try (InputStream in = Corpus.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalArgumentException("no corpus resource " + resource);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * The clean 病程记录 with {@code notes} generated daily notes of about 150 characters each
   * (about seven to a PDF page): long records for the PDF memory test and benchmark.
   */
  public static Record progressNotes(Template progressNote, int notes) {
    Record base = record("clean--progress-note.json", progressNote);
    Values note = base.values().rows("progressNotes").get(0);
    String text = "患者今日一般情况可，胸闷未再发作，饮食睡眠可，二便正常。查体：血压132/80mmHg，"
        + "心肺听诊未闻及异常。继续当前治疗，密切观察病情变化。";
    List<Values> rows = new ArrayList<>();
    for (int i = 0; i < notes; i++) {
      rows.add(note.with("content", new Value.Str("第" + (i + 1) + "日。" + text.repeat(4))));
    }
    return base.withValues(Values.of(Map.of("progressNotes", new Value.Rows(rows))));
  }
}
