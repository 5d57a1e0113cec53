package org.emrkit.batch;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.Consumer;
import org.apache.beam.runners.direct.DirectOptions;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.PipelineResult;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.io.TextIO;
import org.apache.beam.sdk.metrics.MetricNameFilter;
import org.apache.beam.sdk.metrics.MetricQueryResults;
import org.apache.beam.sdk.metrics.MetricResult;
import org.apache.beam.sdk.metrics.MetricsFilter;
import org.apache.beam.sdk.options.PipelineOptionsFactory;
import org.apache.beam.sdk.transforms.Create;
import org.apache.beam.sdk.transforms.Flatten;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionList;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.apache.beam.sdk.values.TupleTagList;

/**
 * The archive and quality-control pipeline (病案归档 and 终末质控) on Apache Beam: record files
 * are matched and read one at a time, each record checked, validated, rendered (PDF/A and the
 * formats asked for), hashed and archived under {@code archive/PATIENT/ENCOUNTER/}; the run
 * writes {@code manifest.jsonl} (one entry per record archived or found archived),
 * {@code dead-letters.jsonl} (each record that could not be, with the reason and where) and,
 * when the run has finished, the QC report ({@code qc-report.json}, {@code qc-report.html}). The same pipeline runs on the
 * direct runner in process (the default) and on Flink, Spark or Dataflow. A run on the same
 * input and output skips what is archived and unchanged, so an interrupted run resumes.
 */
public final class ArchiveBatch {

  /** A run's counts: records read, archived now, found archived (skipped), dead-lettered. */
  public record Counts(long read, long archived, long skipped, long deadLettered) {
    /** Every record read is archived, skipped or dead-lettered. */
    public boolean addUp() {
      return read == archived + skipped + deadLettered;
    }

    /** Records done so far. */
    public long done() {
      return archived + skipped + deadLettered;
    }
  }

  private ArchiveBatch() {}

  /** Runs the pipeline with Beam's own command-line options (for a cluster's runner). */
  public static void main(String[] args) {
    BatchOptions o = PipelineOptionsFactory.fromArgs(args).withValidation()
        .as(BatchOptions.class);
    Counts c = run(o, p -> {});
    System.out.println("read " + c.read() + ", archived " + c.archived() + ", skipped "
        + c.skipped() + ", dead-lettered " + c.deadLettered());
  }

  /**
   * The pipeline for these options.
   *
   * @throws IllegalArgumentException for an unknown format, or templates that do not read
   */
  public static Pipeline pipeline(BatchOptions o) {
    // an unknown format, a time that does not read, records that are not there or a template
    // that does not compile fail here, before the run
    Outputs.check(o.getFormats());
    if (!o.getNow().isBlank()) {
      try {
        java.time.Instant.parse(o.getNow());
      } catch (java.time.format.DateTimeParseException e) {
        throw new IllegalArgumentException("--now is an ISO-8601 instant such as "
            + "2026-11-28T04:00:00Z, not " + o.getNow());
      }
    }
    Files2.requireDirectory(o.getRecords());
    Templates.load(o.getTemplates());
    Pipeline p = Pipeline.create(o);
    // the record files, listed here: the listing holds their paths only (about 100 bytes each),
    // and handing them to the runner as one list lets it process them in a few large bundles
    // (matching them inside the pipeline made the direct runner spend nine tenths of its time
    // on the bookkeeping of one bundle per file)
    PCollectionTuple read = p.apply("Files", Create.of(files(o.getRecords()))
            .withCoder(StringUtf8Coder.of()))
        .apply("Read", ParDo.of(new ReadRecords()).withOutputTags(ArchiveRecord.RECORDS,
            TupleTagList.of(ArchiveRecord.DEAD)));
    PCollectionTuple done = read.get(ArchiveRecord.RECORDS)
        .apply("Archive", ParDo.of(new ArchiveRecord(o)).withOutputTags(ArchiveRecord.MANIFEST,
            TupleTagList.of(ArchiveRecord.DEAD)));
    PCollection<String> manifest = done.get(ArchiveRecord.MANIFEST);
    PCollection<String> dead = PCollectionList.of(read.get(ArchiveRecord.DEAD))
        .and(done.get(ArchiveRecord.DEAD)).apply("Dead letters", Flatten.pCollections());
    manifest.apply("Manifest", TextIO.write().to(Files2.join(o.getOut(), "manifest"))
        .withSuffix(".jsonl").withoutSharding());
    dead.apply("Write dead letters", TextIO.write().to(Files2.join(o.getOut(), "dead-letters"))
        .withSuffix(".jsonl").withoutSharding());
    return p;
  }

  /** The record files a directory (its {@code *.json} and {@code *.jsonl}) or a glob names. */
  static List<String> files(String records) {
    if (records.contains("*") || records.contains("?")) {
      return Files2.list(records);
    }
    List<String> out = new java.util.ArrayList<>(Files2.list(Files2.join(records, "*.json")));
    out.addAll(Files2.list(Files2.join(records, "*.jsonl")));
    return out;
  }

  /**
   * Runs the pipeline and waits for it, telling {@code progress} the counts about once a second
   * (on the direct runner; other runners report when they finish).
   *
   * @throws org.apache.beam.sdk.Pipeline.PipelineExecutionException when the run fails (a
   *     template that does not compile, an output that cannot be written, stopAfter)
   */
  public static Counts run(BatchOptions o, Consumer<Counts> progress) {
    DirectOptions direct = o.as(DirectOptions.class);
    direct.setBlockOnRun(false);
    // the direct runner's checks that elements are not mutated and encode: our elements are
    // strings, and the checks copy every one
    direct.setEnforceImmutability(false);
    direct.setEnforceEncodability(false);
    ArchiveRecord.PROCESSED.set(0);
    PipelineResult result = pipeline(o).run();
    try {
      while (result.waitUntilFinish(org.joda.time.Duration.standardSeconds(1)) == null
          || !result.getState().isTerminal()) {
        progress.accept(counts(result));
      }
    } catch (RuntimeException e) {
      drain();
      throw e;
    }
    if (result.getState() != PipelineResult.State.DONE) {
      throw new IllegalStateException("the run ended " + result.getState());
    }
    Counts c = counts(result);
    report(o, c.deadLettered());
    progress.accept(c);
    return c;
  }

  /**
   * After a failed run on the direct runner, waits (up to a minute) for the records its workers
   * had begun: each finishes whole, so a run started next does not meet their writes.
   */
  private static void drain() {
    long until = System.nanoTime() + 60_000_000_000L;
    while (ArchiveRecord.ACTIVE.get() > 0 && System.nanoTime() < until) {
      try {
        Thread.sleep(20);
      } catch (InterruptedException ie) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }

  private static Counts counts(PipelineResult result) {
    MetricQueryResults m = result.metrics().queryMetrics(MetricsFilter.builder()
        .addNameFilter(MetricNameFilter.inNamespace(ArchiveBatch.class)).build());
    long read = 0;
    long archived = 0;
    long skipped = 0;
    long dead = 0;
    for (MetricResult<Long> c : m.getCounters()) {
      long v = c.getAttempted() == null ? 0 : c.getAttempted();
      switch (c.getName().getName()) {
        case "read" -> read += v;
        case "archived" -> archived += v;
        case "skipped" -> skipped += v;
        case "deadLettered" -> dead += v;
        default -> { }
      }
    }
    return new Counts(read, archived, skipped, dead);
  }

  /**
   * Writes the QC report ({@code qc-report.json}, {@code qc-report.html}) from the run's
   * manifest, read a line at a time (what {@link #run} does when the pipeline has finished; a
   * host that runs {@link #pipeline} itself calls it after). The tally is the QC report's
   * combiner, used here outside Beam: combining it inside the pipeline made the direct runner
   * serialise the growing accumulator again and again (quadratic in the records).
   */
  public static void report(BatchOptions o, long deadLettered) {
    QcReport qc = new QcReport();
    QcReport.Tally tally = qc.createAccumulator();
    String manifest = Files2.join(o.getOut(), "manifest.jsonl");
    try (java.io.BufferedReader r = new java.io.BufferedReader(new java.io.InputStreamReader(
        java.nio.channels.Channels.newInputStream(org.apache.beam.sdk.io.FileSystems.open(
            Files2.resource(manifest))), StandardCharsets.UTF_8))) {
      for (String line = r.readLine(); line != null; line = r.readLine()) {
        if (!line.isBlank()) {
          qc.addInput(tally, line);
        }
      }
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException("could not read " + manifest, e);
    }
    String report = qc.extractOutput(tally);
    String counts = "归档 archived " + tally.all.records + " 份，死信 dead letters " + deadLettered
        + " 份（见 dead-letters.jsonl）";
    Files2.write(Files2.join(o.getOut(), "qc-report.json"), report.getBytes(StandardCharsets.UTF_8));
    Files2.write(Files2.join(o.getOut(), "qc-report.html"), QcHtml.page(QcReport.read(report),
        counts).getBytes(StandardCharsets.UTF_8));
  }
}
