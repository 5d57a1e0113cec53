package org.emrkit.examples;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import org.apache.beam.sdk.options.PipelineOptionsFactory;
import org.emrkit.batch.ArchiveBatch;
import org.emrkit.batch.BatchOptions;

/**
 * {@code emrkit batch}: the archive and QC pipeline over a directory of records, with a progress
 * line (records/s, done / read, dead letters): rewritten in place on a terminal, a plain line
 * every few seconds otherwise.
 */
final class BatchCommand {

  private final Args a;
  private final PrintStream out;
  private final boolean terminal;

  BatchCommand(Args a, PrintStream out, boolean terminal) {
    this.a = a;
    this.out = out;
    this.terminal = terminal;
  }

  int run() {
    List<String> beam = new ArrayList<>();
    beam.add("--records=" + required("--records"));
    beam.add("--templates=" + required("--templates"));
    beam.add("--out=" + required("--out"));
    beam.add("--formats=" + a.option("--formats", "pdf"));
    String workers = a.option("--workers", null);
    if (workers != null) {
      if (!workers.matches("[1-9][0-9]{0,2}")) {
        throw new UsageException("--workers is a number of threads (1 to 999), not " + workers);
      }
      beam.add("--targetParallelism=" + workers);
    }
    String now = a.option("--now", null);
    if (now != null) {
      beam.add("--now=" + now);
    }
    BatchOptions o;
    try {
      o = PipelineOptionsFactory.fromArgs(beam.toArray(String[]::new)).withValidation()
          .as(BatchOptions.class);
    } catch (IllegalArgumentException e) {
      throw new UsageException(e.getMessage());
    }
    long start = System.nanoTime();
    ArchiveBatch.Counts c;
    try {
      c = run(o, start);
    } catch (IllegalArgumentException | java.io.UncheckedIOException e) {
      throw new UsageException(e.getMessage());
    } catch (org.apache.beam.sdk.Pipeline.PipelineExecutionException | IllegalStateException e) {
      Throwable cause = e.getCause() != null ? e.getCause() : e;
      throw new UsageException("the run stopped: " + cause.getMessage());
    }
    report(c, o);
    return c.addUp() ? 0 : 1;
  }

  private ArchiveBatch.Counts run(BatchOptions o, long start) {
    long[] last = {0};
    ArchiveBatch.Counts c = ArchiveBatch.run(o, p -> {
      long t = System.nanoTime();
      if (terminal || t - last[0] > 5_000_000_000L) {
        last[0] = t;
        double rate = p.done() / Math.max(1e-9, (t - start) / 1e9);
        String line = String.format("%,.0f 份/秒 records/s　%d / %d　死信 dead letters %d",
            rate, p.done(), p.read(), p.deadLettered());
        out.print(terminal ? "\r" + line + "   " : line + "\n");
        out.flush();
      }
    });
    if (terminal) {
      out.println();
    }
    return c;
  }

  private void report(ArchiveBatch.Counts c, BatchOptions o) {
    out.printf("读入 read %d，归档 archived %d，已归档跳过 skipped %d，死信 dead-lettered %d"
        + "（%s）%n", c.read(), c.archived(), c.skipped(), c.deadLettered(),
        c.addUp() ? "相符 counts add up" : "不相符 counts do not add up");
    out.println("写入 written to " + o.getOut() + ": "
        + (o.getFormats().equals("none") ? "" : "archive/, ")
        + "manifest.jsonl, dead-letters.jsonl, qc-report.json, qc-report.html");
  }

  private String required(String option) {
    String v = a.option(option, null);
    if (v == null) {
      throw new UsageException(option + " DIR is required");
    }
    return v;
  }
}
