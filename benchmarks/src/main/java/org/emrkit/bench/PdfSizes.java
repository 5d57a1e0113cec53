package org.emrkit.bench;

import java.io.ByteArrayOutputStream;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.emrkit.render.RenderOptions;
import org.emrkit.render.pdf.PdfRenderer;
import org.emrkit.template.Template;
import org.emrkit.testing.Corpus;

/**
 * Prints the size in bytes of the PDF of each bundled record and of {@code PdfBenchmark}'s 100
 * pages, at a fixed clock. To compare two builds, run it against each jar, the jar first:
 * {@code java -cp old-benchmarks.jar:benchmarks/target/classes org.emrkit.bench.PdfSizes}.
 */
public final class PdfSizes {

  private PdfSizes() {}

  public static void main(String[] args) {
    PdfRenderer pdf = PdfRenderer.builder().options(RenderOptions.builder().clock(Clock.fixed(
        OffsetDateTime.parse("2026-11-28T12:00:00+08:00").toInstant(), ZoneOffset.ofHours(8)))
        .build()).build();
    StringBuilder out = new StringBuilder();
    for (String name : new String[] {"admission-record", "first-progress-note", "progress-note",
        "operation-record", "discharge-record", "nursing-record", "front-page"}) {
      Template t = Corpus.template(name);
      out.append(name).append('\t').append(size(pdf, t,
          Corpus.record("clean--" + name + ".json", t))).append('\n');
    }
    BenchCorpus.PdfCase hundred = BenchCorpus.PdfCase.of("hundred-pages");
    out.append("hundred-pages\t").append(size(pdf, hundred.template(), hundred.record()))
        .append('\n');
    System.out.print(out);
  }

  private static int size(PdfRenderer pdf, Template t, org.emrkit.record.Record r) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    pdf.render(t, r, bytes);
    return bytes.size();
  }
}
