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
import org.emrkit.json.TemplateResolver;
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

  /** The corpus record in this file, filled from {@code template}. */
  public static Record record(String file, Template template) {
    return RecordJson.create().read(text("/validation/records/" + file), template).orElseThrow();
  }

  /** A corpus record, read, with its file's name and the template it names. */
  public record Written(String file, Record record, Template template) {}

  /** Every record of the corpus (its charts and templates left out), read, with its template. */
  public static List<Written> records() {
    List<Template> templates = new ArrayList<>();
    for (String f : files("templates")) {
      templates.add(TemplateJson.create().read(text("/validation/templates/" + f))
          .orElseThrow());
    }
    TemplateResolver resolver = TemplateResolver.of(templates.toArray(Template[]::new));
    List<Written> out = new ArrayList<>();
    for (String f : files("records")) {
      if (f.endsWith(".chart.json") || f.endsWith(".template.json")) {
        continue;
      }
      Record r = RecordJson.create().read(text("/validation/records/" + f), resolver)
          .orElseThrow();
      out.add(new Written(f, r, resolver.resolve(r.template().id(), r.template().version())
          .orElseThrow()));
    }
    for (String f : files("api")) {
      out.add(apiRecord(f, resolver));
    }
    return out;
  }

  /**
   * A record of the corpus built through the API ({@code validation/api/}), as a host's code
   * builds one: a corpus record with values set on it by pointer, including values no JSON reader
   * lets in (a text in a number field). A file is
   * {@code {"record": "clean--admission-record.json", "set": {"/values/temp": {"text": "36.8"},
   * "/values/diagnoses/0/diagnosis": {"number": "3"}}}}, with {@code "sealed": true} when the values are to be written by an edit session
   * (its chain and signatures made again: {@link CorpusSealer}); a value is {@code {"text": s}}, {@code {"number": "36.8"}}, {@code {"boolean":
   * true}}, {@code {"date": "2026-11-20"}} or {@code {"choices": [s, ...]}}.
   */
  public static Written apiRecord(String file, TemplateResolver resolver) {
    try {
      com.fasterxml.jackson.databind.JsonNode spec = new com.fasterxml.jackson.databind
          .ObjectMapper().readTree(text("/validation/api/" + file));
      Record base = RecordJson.create().read(text("/validation/records/"
          + spec.get("record").asText()), resolver).orElseThrow();
      Values values = base.values();
      for (var e : spec.get("set").properties()) {
        List<String> tokens = List.of(e.getKey().substring("/values/".length()).split("/"));
        values = set(values, tokens, 0, value(e.getValue()));
      }
      Template t = resolver.resolve(base.template().id(), base.template().version())
          .orElseThrow();
      Record built = base.withValues(values);
      if (spec.path("sealed").asBoolean()) {
        built = CorpusSealer.seal(t, CorpusSealer.unseal(built));
      }
      return new Written(file, built, t);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Values set(Values values, List<String> tokens, int i, Value v) {
    String name = tokens.get(i);
    if (i == tokens.size() - 1) {
      return values.with(name, v);
    }
    List<Values> rows = new ArrayList<>(values.rows(name));
    int row = Integer.parseInt(tokens.get(i + 1));
    rows.set(row, set(rows.get(row), tokens, i + 2, v));
    return values.with(name, new Value.Rows(rows));
  }

  private static Value value(com.fasterxml.jackson.databind.JsonNode n) {
    var e = n.properties().iterator().next();
    com.fasterxml.jackson.databind.JsonNode x = e.getValue();
    return switch (e.getKey()) {
      case "text" -> new Value.Str(x.asText());
      case "number" -> new Value.Num(new java.math.BigDecimal(x.asText()));
      case "boolean" -> new Value.Bool(x.asBoolean());
      case "date" -> new Value.Date(java.time.LocalDate.parse(x.asText()));
      case "choices" -> {
        List<String> c = new ArrayList<>();
        x.forEach(y -> c.add(y.asText()));
        yield new Value.Choices(c);
      }
      default -> throw new IllegalArgumentException("no value kind " + e.getKey());
    };
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

  /**
   * The clean 一般护理记录单 grown to {@code rows} rows, each written and signed by its nurse
   * through an edit session (a row every hour from 2026-11-20 15:00, signed five minutes
   * later), committed once: the
   * 200-row sheet of the editor's measurements.
   */
  public static Record nursingSheet(Template nursing, int rows) {
    Record base = record("clean--nursing-record.json", nursing);
    java.time.OffsetDateTime start = java.time.OffsetDateTime.parse("2026-11-20T10:00:00+08:00");
    // each row signed five minutes after its time, as a nurse on her round does
    java.time.Instant[] now = {start.toInstant()};
    java.time.Clock clock = new java.time.Clock() {
      @Override
      public java.time.ZoneId getZone() {
        return java.time.ZoneOffset.ofHours(8);
      }

      @Override
      public java.time.Clock withZone(java.time.ZoneId zone) {
        return this;
      }

      @Override
      public java.time.Instant instant() {
        return now[0];
      }
    };
    org.emrkit.record.Actor nurse = new org.emrkit.record.Actor("u-3001", "赵芳",
        org.emrkit.record.Role.NURSE);
    org.emrkit.edit.EditSession s = org.emrkit.edit.EditSession.builder(nursing, base, nurse)
        .clock(clock).open();
    for (int i = base.values().rows("nursingRows").size(); i < rows; i++) {
      java.time.OffsetDateTime at = start.plusHours(i + 3);
      now[0] = at.toInstant(); // each row written at its time, signed five minutes later
      check(s.addEntry("/nursingRows", Values.of(Map.of("at", new Value.DateTime(at),
          "t", new Value.Num(new java.math.BigDecimal("36." + (5 + i % 5))),
          "p", new Value.Num(java.math.BigDecimal.valueOf(70 + i % 15)),
          "r", new Value.Num(java.math.BigDecimal.valueOf(18)),
          "bp", new Value.Str((120 + i % 20) + "/" + (75 + i % 10)),
          "consciousness", new Value.Str("清醒"),
          "observation", new Value.Str("第" + (i + 1) + "次巡视：患者安静，无不适主诉，继续观察。")))));
      now[0] = at.plusMinutes(5).toInstant();
      check(s.sign("/nursingRows/" + i));
    }
    return s.commit();
  }

  private static void check(org.emrkit.edit.EditResult r) {
    if (!r.isApplied()) {
      throw new IllegalStateException(r.refusal().toString());
    }
  }
}
