package org.emrkit.bench;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.stream.Stream;
import org.apache.beam.sdk.options.PipelineOptionsFactory;
import org.emrkit.batch.ArchiveBatch;
import org.emrkit.batch.BatchOptions;
import org.emrkit.batch.SampleRecords;
import org.emrkit.json.RecordJson;
import org.emrkit.json.TemplateJson;
import org.emrkit.json.TemplateResolver;
import org.emrkit.record.Record;
import org.emrkit.render.RecordRenderer;
import org.emrkit.render.RenderFormats;
import org.emrkit.render.RenderOptions;
import org.emrkit.template.Template;
import org.emrkit.validation.Validator;
import org.emrkit.validation.rules.FieldRules;
import org.emrkit.validation.rules.WritingStandardRules;

/**
 * The batch benchmark's steps (run by {@code benchmarks/batch.sh}, each in its own JVM so each
 * has its own peak memory): {@code generate DIR N} writes N sealed sample records and their
 * templates; {@code loop DIR FORMATS} reads, validates and (pdf) renders them one after the
 * other on one thread, the baseline; {@code pipeline DIR OUT FORMATS WORKERS} runs the Beam
 * pipeline on them. Each prints records/s and the process's peak resident memory (VmHWM).
 */
public final class BatchBench {

  static final String NOW = "2026-11-28T04:00:00Z";

  private BatchBench() {}

  public static void main(String[] args) throws IOException {
    switch (args[0]) {
      case "generate" -> {
        Path dir = Path.of(args[1]);
        SampleRecords.write(dir.resolve("records"), Integer.parseInt(args[2]), 20261127L);
        SampleRecords.templates(dir.resolve("templates"));
      }
      case "loop" -> loop(Path.of(args[1]), args[2]);
      case "pipeline" -> pipeline(Path.of(args[1]), args[2], args[3], args[4]);
      default -> throw new IllegalArgumentException("generate, loop or pipeline");
    }
  }

  private static void loop(Path dir, String formats) throws IOException {
    List<Template> ts;
    try (Stream<Path> s = Files.list(dir.resolve("templates"))) {
      ts = s.map(p -> TemplateJson.create().read(read(p)).orElseThrow()).toList();
    }
    TemplateResolver resolver = TemplateResolver.of(ts.toArray(Template[]::new));
    Clock clock = Clock.fixed(Instant.parse(NOW), ZoneOffset.ofHours(8));
    Validator v = Validator.builder().pack(FieldRules.pack()).pack(WritingStandardRules.pack())
        .pack(org.emrkit.validation.rules.FrontPageRules.pack())
        .clock(clock).build();
    RecordRenderer pdf = formats.contains("pdf") ? RenderFormats.find("pdf").orElseThrow()
        .renderer(RenderOptions.builder().clock(clock).endMark(true).build()) : null;
    List<Path> files;
    try (Stream<Path> s = Files.list(dir.resolve("records"))) {
      files = s.sorted().toList();
    }
    long start = System.nanoTime();
    long bytes = 0;
    for (Path f : files) {
      Record r = RecordJson.create().read(read(f), resolver).orElseThrow();
      Template t = resolver.resolve(r.template().id(), r.template().version()).orElseThrow();
      v.validate(t, r);
      if (pdf != null) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        pdf.render(t, r, out);
        bytes += out.size();
      }
    }
    report("loop " + formats, files.size(), start, bytes);
  }

  private static void pipeline(Path dir, String out, String formats, String workers) {
    BatchOptions o = PipelineOptionsFactory.fromArgs("--records=" + dir.resolve("records"),
        "--templates=" + dir.resolve("templates"), "--out=" + out, "--formats=" + formats,
        "--now=" + NOW, "--targetParallelism=" + workers).withValidation()
        .as(BatchOptions.class);
    long start = System.nanoTime();
    ArchiveBatch.Counts c = ArchiveBatch.run(o, p -> {});
    report("pipeline " + formats + " x" + workers + " (" + c + ")", (int) c.done(), start, 0);
  }

  private static void report(String what, int records, long start, long bytes) {
    double s = (System.nanoTime() - start) / 1e9;
    System.out.printf("%s: %d records in %.1f s = %.1f records/s%s, peak RSS %s%n", what,
        records, s, records / s, bytes > 0 ? String.format(" (%.1f MB of PDF)", bytes / 1e6) : "",
        peak());
  }

  private static String peak() {
    try {
      for (String l : Files.readAllLines(Path.of("/proc/self/status"))) {
        if (l.startsWith("VmHWM:")) {
          return l.substring(6).trim();
        }
      }
    } catch (IOException e) {
      return "unknown";
    }
    return "unknown";
  }

  private static String read(Path p) {
    try {
      return Files.readString(p);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
