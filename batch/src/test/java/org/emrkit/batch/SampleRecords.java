package org.emrkit.batch;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.Map;
import org.emrkit.json.RecordJson;
import org.emrkit.record.Actor;
import org.emrkit.record.Context;
import org.emrkit.record.Encounter;
import org.emrkit.record.Patient;
import org.emrkit.record.Record;
import org.emrkit.record.Value;
import org.emrkit.record.Values;
import org.emrkit.template.Template;
import org.emrkit.testing.Corpus;
import org.emrkit.testing.CorpusSealer;

/**
 * Records for batch runs, drawn from the clean records of the validation corpus (all six
 * bundled document types): each a draft of its own patient, encounter, department and author,
 * some with a value left out; and the broken files a real archive meets (bad JSON, a schema
 * error, an unknown template, a character no font has, a file that is not UTF-8, a JSON Lines
 * file with a bad line). Seeded: the same seed gives the same files.
 */
public final class SampleRecords {

  static final String[] TYPES = {"admission-record", "discharge-record", "first-progress-note",
      "operation-record", "progress-note", "nursing-record"};
  static final String[] DEPARTMENTS = {"心血管内科", "呼吸内科", "普外科", "神经内科"};
  static final String[] AUTHORS = {"李明", "王芳", "张伟", "刘洋", "陈静"};
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Map<String, Template> TEMPLATES =
      new java.util.concurrent.ConcurrentHashMap<>();

  private SampleRecords() {}

  /** The templates directory: the corpus's templates as JSON. */
  public static Path templates(Path dir) {
    try {
      Files.createDirectories(dir);
      for (String t : TYPES) {
        Files.writeString(dir.resolve(t + ".json"),
            Corpus.text("/validation/templates/" + t + ".json"));
      }
      return dir;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Writes {@code n} good records ({@code rec-00000.json} ...) into {@code dir}. */
  public static List<Path> write(Path dir, int n, long seed) {
    SplittableRandom r = new SplittableRandom(seed);
    List<Path> out = new ArrayList<>();
    try {
      Files.createDirectories(dir);
      for (int i = 0; i < n; i++) {
        Path f = dir.resolve(String.format("rec-%05d.json", i));
        Files.writeString(f, record(r, i).toString());
        out.add(f);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out;
  }

  /**
   * One good record: a clean corpus record of the i-th type, moved to another patient,
   * encounter, department and author, sometimes with a value left out, and then written again
   * through an edit session (sealed: its signatures made and its hash chain from its creation),
   * as a hospital's records are.
   */
  static ObjectNode record(SplittableRandom r, int i) {
    String type = TYPES[i % TYPES.length];
    Template t = TEMPLATES.computeIfAbsent(type, Corpus::template);
    Record clean = Corpus.record("clean--" + type + ".json", t);
    Record typed = CorpusSealer.unseal(clean);
    Context c = typed.context();
    Patient p = c.patient();
    Encounter e = c.encounter();
    String author = AUTHORS[r.nextInt(AUTHORS.length)];
    Context moved = new Context(new Patient(p.name(), p.sex(), p.birthDate(),
        String.format("ZY%06d", i / 3), p.idType(), p.idNumber(), p.phone(), p.address()),
        new Encounter(String.format("E-%06d", i / 3), DEPARTMENTS[r.nextInt(DEPARTMENTS.length)],
            e.ward(), e.bed(), e.admittedAt(), e.condition(), e.events()),
        c.org(), c.author() == null ? null : new Actor(c.author().id(), author,
            c.author().role()));
    Values values = typed.values();
    // defects as a ward's records have them: most complete, some with a value or three left
    // out, now and then the 现病史 of an admission (单项否决)
    int defects = r.nextInt(10);
    int leaveOut = defects < 2 ? 3 : defects < 5 ? 1 : 0;
    for (int k = 0; k < leaveOut; k++) {
      List<String> names = values.asMap().entrySet().stream()
          .filter(v -> !(v.getValue() instanceof Value.Signed)).map(Map.Entry::getKey).toList();
      if (!names.isEmpty()) {
        values = values.without(names.get(r.nextInt(names.size())));
      }
    }
    if (defects == 9 && type.equals("admission-record")) {
      values = values.without("hpi");
    }
    Record moved2 = new Record(String.format("B-%05d", i), typed.template(),
        typed.embeddedTemplate(), typed.status(), moved, values, typed.completedAt(),
        typed.signatures(), typed.revisions(), typed.extensions());
    try {
      return (ObjectNode) JSON.readTree(RecordJson.create().write(CorpusSealer.seal(t, moved2)));
    } catch (IOException ex) {
      throw new UncheckedIOException(ex);
    }
  }

  /** Writes the broken inputs; returns the file names with the dead-letter code each must give. */
  public static List<String[]> writeBroken(Path dir) {
    List<String[]> expected = new ArrayList<>();
    try {
      Files.createDirectories(dir);
      String good = record(new SplittableRandom(7), 0).toString();
      Files.writeString(dir.resolve("bad-json.json"), good.substring(0, good.length() / 2));
      expected.add(new String[] {"bad-json.json", "json/syntax"});
      ObjectNode schema = record(new SplittableRandom(7), 0);
      ((ObjectNode) schema.get("values")).put("pulse", "七十八");
      Files.writeString(dir.resolve("schema-error.json"), schema.toString());
      expected.add(new String[] {"schema-error.json", "json/"});
      ObjectNode unknown = record(new SplittableRandom(7), 0);
      ((ObjectNode) unknown.get("template")).put("id", "no-such-template");
      Files.writeString(dir.resolve("unknown-template.json"), unknown.toString());
      expected.add(new String[] {"unknown-template.json", "json/"});
      ObjectNode glyph = record(new SplittableRandom(7), 0);
      ((ObjectNode) glyph.get("context").get("patient")).put("name", "张\uE000");
      Files.writeString(dir.resolve("missing-glyph.json"), glyph.toString());
      expected.add(new String[] {"missing-glyph.json", "render/missing-glyph"});
      Files.write(dir.resolve("not-utf8.json"), new byte[] {'{', (byte) 0xFF, (byte) 0xFE, '}'});
      expected.add(new String[] {"not-utf8.json", "batch/not-utf8"});
      StringBuilder lines = new StringBuilder();
      for (int i = 0; i < 3; i++) {
        lines.append(record(new SplittableRandom(11 + i), 900 + i)).append('\n');
      }
      lines.append("{\"format\": \"emrkit-record/2\", \"id\": }\n");
      Files.writeString(dir.resolve("stays.jsonl"), lines.toString(), StandardCharsets.UTF_8);
      expected.add(new String[] {"stays.jsonl#4", "json/syntax"});
      // a line longer than a record may be (16 Mi characters), then a good one
      try (java.io.Writer w = Files.newBufferedWriter(dir.resolve("huge.jsonl"))) {
        w.write("{\"x\": \"");
        char[] chunk = new char[1 << 20];
        java.util.Arrays.fill(chunk, 'x');
        for (int i = 0; i < 17; i++) {
          w.write(chunk);
        }
        w.write("\"}\n");
        w.write(record(new SplittableRandom(31), 950).toString());
        w.write("\n");
      }
      expected.add(new String[] {"huge.jsonl#1", "batch/too-large"});
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return expected;
  }

}
