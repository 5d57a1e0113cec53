package org.emrkit.examples;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.emrkit.edit.EditResult;
import org.emrkit.edit.EditSession;
import org.emrkit.json.RecordJson;
import org.emrkit.record.Actor;
import org.emrkit.record.Record;
import org.emrkit.record.Role;
import org.emrkit.render.PrintEntry;
import org.emrkit.render.PrintMode;
import org.emrkit.render.PrintOutcome;
import org.emrkit.render.PrintRequest;
import org.emrkit.render.RecordRenderer;
import org.emrkit.render.RenderOptions;
import org.emrkit.render.pdf.PdfRenderer;
import org.emrkit.template.Template;

/**
 * {@code render --to pdf --print MODE}: prints against the record's print log and logs the
 * print in the record file. The print is made and logged in memory first; then the PDF is
 * written (atomically) and the record with the print added (atomically). A print that cannot be
 * made or logged writes neither. Who prints ({@code --user}) is what the operator says: the
 * command line has no log-in (a host's own printing names its authenticated user).
 */
final class PrintCommand {

  private final Args a;
  private final PrintStream out;
  private final PrintStream err;

  PrintCommand(Args a, PrintStream out, PrintStream err) {
    this.a = a;
    this.out = out;
    this.err = err;
  }

  int print(Template t, Record record, Path recordFile, RenderOptions options) {
    String o = a.option("-o", null);
    if (o == null) {
      throw new UsageException("-o OUT.pdf is required for --print");
    }
    PrintRequest request = request(actor());
    Path target = Path.of(o);
    try {
      if (target.toAbsolutePath().getParent() != null) {
        Files.createDirectories(target.toAbsolutePath().getParent());
      }
    } catch (java.io.IOException e) {
      throw new UsageException("cannot write " + o + ": " + e.getMessage());
    }
    PdfRenderer pdf = PdfRenderer.builder().options(options.toBuilder()
        .printedBy(request.by().name()).build()).build();
    java.io.ByteArrayOutputStream made = new java.io.ByteArrayOutputStream();
    PrintOutcome outcome = pdf.print(t, record, request, made);
    EditSession session = EditSession.builder(t, record, request.by())
        .clock(options.clock()).open();
    EditResult logged = session.recordPrint(outcome.entry());
    if (!logged.isApplied()) {
      // nothing is written: a sheet the log does not know of would be printed again
      err.println("emrkit: cannot log the print in " + recordFile + ", nothing written: "
          + logged.refusal().message().zh() + " / " + logged.refusal().message().en());
      return 1;
    }
    String json = RecordJson.create().write(session.commit());
    // both or neither: a sheet printed and not logged would be printed again by 续打, one logged
    // and not printed would leave its rows off paper
    RecordRenderer.writeBoth(target, made.toByteArray(), recordFile,
        json.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    List<Integer> pages = outcome.entry().pages();
    out.println(o);
    String range = PrintEntry.pageRange(pages);
    out.println("已打印第 " + range + " 页 / printed page(s) " + range
        + "; 打印记录已写入 / print logged in " + recordFile);
    outcome.notice().ifPresent(m -> out.println(m.zh() + "\n" + m.en()));
    return 0;
  }


  /** {@code --user ID:NAME:ROLE}: who prints. */
  private Actor actor() {
    String user = a.option("--user", null);
    if (user == null) {
      throw new UsageException("--print needs --user ID:NAME:ROLE (who prints: the stamp and"
          + " the print log name them)");
    }
    String[] parts = user.split(":", -1);
    Role role = parts.length == 3 ? Role.fromLabel(parts[2]) : null;
    if (role == null || parts[0].isBlank() || parts[1].isBlank()) {
      throw new UsageException("--user is ID:NAME:ROLE (u-3001:赵芳:nurse), not " + user);
    }
    try {
      return new Actor(parts[0], parts[1], role);
    } catch (IllegalArgumentException e) {
      throw new UsageException("--user: " + e.getMessage());
    }
  }

  private PrintRequest request(Actor by) {
    String mode = a.option("--print", null);
    PrintMode m = PrintMode.fromLabel(mode);
    if (m == null) {
      throw new UsageException("--print is continue, from, pages or all, not " + mode);
    }
    double[] offset = offset(a.option("--offset", "0,0"));
    try {
      return new PrintRequest(m, a.option("--from", null), pages(a.option("--pages", null)), by,
          a.option("--printer", null), offset[0], offset[1]);
    } catch (IllegalArgumentException e) {
      throw new UsageException("--print " + mode + ": " + e.getMessage());
    }
  }

  private static double[] offset(String text) {
    String[] xy = text.split(",", -1);
    try {
      if (xy.length == 2) {
        return new double[] {Double.parseDouble(xy[0].strip()), Double.parseDouble(xy[1].strip())};
      }
    } catch (NumberFormatException e) {
      // below
    }
    throw new UsageException("--offset is X,Y in millimetres (1.5,-2), not " + text);
  }

  /** {@code 2,3} or {@code 2-4}. */
  private static List<Integer> pages(String text) {
    List<Integer> out = new ArrayList<>();
    if (text == null) {
      return out;
    }
    try {
      for (String part : text.split(",", -1)) {
        String[] range = part.strip().split("-", -1);
        int from = Integer.parseInt(range[0].strip());
        int to = range.length == 2 ? Integer.parseInt(range[1].strip()) : from;
        if (range.length > 2 || to < from || to - from > 10_000 || out.size() > 10_000) {
          throw new NumberFormatException(part);
        }
        for (long p = from; p <= to; p++) { // (int) to Integer.MAX_VALUE would never end
          out.add((int) p);
        }
      }
    } catch (NumberFormatException e) {
      throw new UsageException("--pages is pages and ranges (2,3 or 2-4), not " + text);
    }
    return out;
  }
}
