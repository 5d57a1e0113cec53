package org.emrkit.batch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.beam.sdk.metrics.Counter;
import org.apache.beam.sdk.metrics.Metrics;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.TupleTag;
import org.emrkit.json.JsonProblem;
import org.emrkit.json.ReadResult;
import org.emrkit.json.RecordJson;
import org.emrkit.json.TemplateResolver;
import org.emrkit.problem.Message;
import org.emrkit.problem.PointerException;
import org.emrkit.record.Record;
import org.emrkit.template.Template;
import org.emrkit.validation.ValidationReport;
import org.emrkit.validation.Validator;
import org.emrkit.validation.rules.FieldRules;
import org.emrkit.validation.rules.WritingStandardRules;

/**
 * One record through the archive: read and checked against its template, validated with the
 * rule packs, its files made (PDF/A and the other formats asked for) and written under
 * {@code archive/PATIENT/ENCOUNTER/}, hashed, and its manifest entry written last, as a marker
 * under {@code .state/} and to the main output. A record whose marker matches its source and
 * whose files are still as hashed is skipped (its entry passed on as it was), so a run resumes.
 * A record that cannot be read, checked or rendered goes to the dead letters with the reason
 * and where; nothing of it is written to the archive.
 */
final class ArchiveRecord extends DoFn<KV<String, String>, String> {

  private static final long serialVersionUID = 1L;
  static final TupleTag<String> MANIFEST = new TupleTag<>() {
    private static final long serialVersionUID = 1L;
  };
  static final TupleTag<String> DEAD = new TupleTag<>() {
    private static final long serialVersionUID = 1L;
  };
  static final TupleTag<KV<String, String>> RECORDS = new TupleTag<>() {
    private static final long serialVersionUID = 1L;
  };
  /** Records processed in this JVM, for {@code stopAfter}. */
  static final AtomicInteger PROCESSED = new AtomicInteger();
  /** Records being archived in this JVM now: a failed run waits for them before it returns. */
  static final AtomicInteger ACTIVE = new AtomicInteger();
  private static final ObjectMapper JSON = new ObjectMapper();

  private final String templatesDir;
  private final String out;
  private final String formats;
  private final String now;
  private final int stopAfter;
  private final Counter archived = Metrics.counter(ArchiveBatch.class, "archived");
  private final Counter skipped = Metrics.counter(ArchiveBatch.class, "skipped");
  private final Counter dead = Metrics.counter(ArchiveBatch.class, "deadLettered");
  private transient TemplateResolver templates;
  private transient Validator validator;
  private transient Outputs outputs;

  ArchiveRecord(BatchOptions o) {
    this.templatesDir = o.getTemplates();
    this.out = o.getOut();
    this.formats = o.getFormats();
    this.now = o.getNow();
    this.stopAfter = o.getStopAfter();
  }

  @Setup
  public void setup() {
    List<Template> ts = Templates.load(templatesDir);
    templates = Templates.resolver(ts);
    Clock clock = now.isBlank() ? Clock.systemDefaultZone()
        : Clock.fixed(Instant.parse(now), ZoneOffset.ofHours(8));
    validator = Validator.builder().pack(FieldRules.pack()).pack(WritingStandardRules.pack())
        .pack(org.emrkit.validation.rules.FrontPageRules.pack())
        .clock(clock).build();
    outputs = new Outputs(Outputs.parse(formats), clock);
  }

  @ProcessElement
  public void process(@Element KV<String, String> in, MultiOutputReceiver receiver) {
    if (stopAfter > 0 && PROCESSED.incrementAndGet() > stopAfter) {
      throw new IllegalStateException("stopped after " + stopAfter + " records (stopAfter)");
    }
    ACTIVE.incrementAndGet();
    try {
      archiveOne(in, receiver);
    } finally {
      ACTIVE.decrementAndGet();
    }
  }

  private void archiveOne(KV<String, String> in, MultiOutputReceiver receiver) {
    String source = in.getKey();
    String json = in.getValue();
    String sourceSha = Files2.sha256(json);
    String marker = Files2.join(out, ".state/" + Files2.sha256(source) + ".json");
    Optional<ObjectNode> done = unchanged(marker, sourceSha);
    if (done.isPresent()) {
      skipped.inc();
      receiver.get(MANIFEST).output(done.get().toString());
      return;
    }
    try {
      ObjectNode entry = archive(source, sourceSha, json);
      Files2.write(marker, entry.toString().getBytes(StandardCharsets.UTF_8));
      archived.inc();
      receiver.get(MANIFEST).output(entry.toString());
    } catch (Rejected e) {
      dead.inc();
      receiver.get(DEAD).output(deadLetter(source, e.code, e.pointer, e.message));
    } catch (RuntimeException e) {
      // a fault no check foresaw: this record is a dead letter, the batch goes on
      dead.inc();
      receiver.get(DEAD).output(deadLetter(source, "batch/failed", "", Message.of(
          "处理病历时出错：" + e, "the record failed: " + e)));
    }
  }

  private ObjectNode archive(String source, String sourceSha, String json) {
    ReadResult<Record> read = RecordJson.create().read(json, templates);
    if (!read.isOk()) {
      JsonProblem p = read.errors().get(0);
      throw new Rejected(p.code(), p.pointer(), p.message());
    }
    Record r = read.orElseThrow();
    Template t = templates.resolve(r.template().id(), r.template().version()).orElseThrow();
    ValidationReport report = validator.validate(t, r);
    Map<String, byte[]> files;
    try {
      files = outputs.make(t, r);
    } catch (PointerException e) {
      throw new Rejected(e.code(), e.pointer(), e.message());
    }
    ObjectNode entry = Manifest.entry(source, sourceSha, t, r, report).put("formats", formats);
    ArrayNode written = entry.putArray("files");
    String dir = Manifest.directory(r);
    for (Map.Entry<String, byte[]> f : files.entrySet()) {
      String name = dir + Manifest.fileName(t, r) + "." + f.getKey();
      Files2.write(Files2.join(out, name), f.getValue());
      ObjectNode file = written.addObject().put("file", name)
          .put("sha256", Files2.sha256(f.getValue())).put("bytes", f.getValue().length);
      if (f.getKey().equals("pdf")) {
        file.put("pages", Manifest.pages(f.getValue()));
      }
    }
    return entry;
  }

  /** The marker's entry when the source is the same and every file it lists is as hashed. */
  private Optional<ObjectNode> unchanged(String marker, String sourceSha) {
    Optional<byte[]> bytes = Files2.read(marker, 1024 * 1024);
    if (bytes.isEmpty()) {
      return Optional.empty();
    }
    try {
      ObjectNode entry = (ObjectNode) JSON.readTree(bytes.get());
      if (!sourceSha.equals(entry.path("sourceSha256").asText())
          || !formats.equals(entry.path("formats").asText())) {
        return Optional.empty(); // changed since, or archived in other formats
      }
      for (JsonNode f : entry.path("files")) {
        Optional<byte[]> file = Files2.read(Files2.join(out, f.path("file").asText()),
            Integer.MAX_VALUE - 8);
        if (file.isEmpty() || !Files2.sha256(file.get()).equals(f.path("sha256").asText())) {
          return Optional.empty();
        }
      }
      return Optional.of(entry);
    } catch (java.io.IOException | ClassCastException e) {
      return Optional.empty(); // a marker that does not read: the record is archived again
    }
  }

  static String deadLetter(String source, String code, String pointer, Message message) {
    ObjectNode o = JSON.createObjectNode().put("source", source).put("code", code)
        .put("pointer", pointer);
    o.putObject("message").put("zh", message.zh()).put("en", message.en());
    return o.toString();
  }

  /** Why a record goes to the dead letters. */
  private static final class Rejected extends RuntimeException {
    private static final long serialVersionUID = 1L;
    final String code;
    final String pointer;
    final transient Message message;

    Rejected(String code, String pointer, Message message) {
      super(message.en(), null, false, false);
      this.code = code;
      this.pointer = pointer;
      this.message = message;
    }
  }
}
