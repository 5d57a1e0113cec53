package org.emrkit.codelists;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.emrkit.problem.Message;
import org.emrkit.terminology.CodeTable;
import org.emrkit.terminology.Readings;

/**
 * Loads code lists as hospitals receive them: the published spreadsheets (.xlsx, read as a
 * stream) and CSV files, laid out as the host's {@link CodeListSpec} says. Every bad row is
 * reported with its row number; by default one bad row fails the load (a list half-loaded
 * codes records wrongly), or, when the spec says so, bad rows are skipped and returned.
 */
public final class CodeLists {

  /** The largest file read (the national lists are a few megabytes). */
  public static final long MAX_BYTES = 64L * 1024 * 1024;

  private CodeLists() {}

  /**
   * What a load produced: the table, the rows skipped (empty unless the spec skips; at most
   * {@value CodeListException#MAX_REPORTED} listed) and how many were skipped in all.
   */
  public record Loaded(CodeTable table, List<RowProblem> skipped, int skippedCount) {
    /** Copies. */
    public Loaded {
      skipped = List.copyOf(skipped);
    }
  }

  /** Reads {@code file} (.xlsx or .csv, by its name), its names read with 拼音. */
  public static Loaded read(Path file, CodeListSpec spec) {
    return read(file, spec, Pinyin.readings());
  }

  /** Reads {@code file} with the given readings. */
  public static Loaded read(Path file, CodeListSpec spec, Readings readings) {
    String name = file.getFileName().toString();
    try {
      if (Files.size(file) > MAX_BYTES) {
        throw new CodeListException(name, "larger than " + MAX_BYTES / 1024 / 1024
            + " MB (文件过大)");
      }
      try (InputStream in = Files.newInputStream(file)) {
        return read(in, name, spec, readings);
      }
    } catch (IOException e) {
      throw new CodeListException(name, "cannot read (无法读取): " + e.getMessage());
    }
  }

  /**
   * Reads a list from {@code in}; {@code fileName} says its kind ({@code .xlsx} or {@code .csv})
   * and names it in messages. At most {@link #MAX_BYTES} are read.
   */
  public static Loaded read(InputStream in, String fileName, CodeListSpec spec,
      Readings readings) throws IOException {
    String lower = fileName.toLowerCase(Locale.ROOT);
    Collector c = new Collector(fileName, spec);
    InputStream bounded = new BoundedInputStream(in, MAX_BYTES, fileName);
    if (lower.endsWith(".xlsx")) {
      XlsxRows.read(bounded, spec.sheet(), fileName, c);
    } else if (lower.endsWith(".csv") || lower.endsWith(".txt")) {
      CsvRows.read(bounded, spec.encoding(), fileName, c);
    } else {
      throw new CodeListException(fileName, "expected an .xlsx or .csv file (只支持 xlsx 和 csv)");
    }
    return c.finish(readings);
  }

  /** Receives rows in file order (package-private). */
  interface RowSink {
    /** One row: its 1-based number and its cells by 0-based column. */
    void row(int number, List<String> cells);
  }

  /** Turns rows into entries, checking each. */
  private static final class Collector implements RowSink {
    private final String file;
    private final CodeListSpec spec;
    private final CodeTable.Builder table;
    private final List<RowProblem> problems = new ArrayList<>();
    private final Map<String, Integer> firstRow = new HashMap<>();
    private final List<List<String>> headers = new ArrayList<>();
    private int rows;
    private int badRows;
    private int[] columns;

    Collector(String file, CodeListSpec spec) {
      this.file = file;
      this.spec = spec;
      this.table = CodeTable.builder(spec.system().id(), spec.system().version())
          .title(spec.title()).fullCodes(spec.fullCodes());
    }

    @Override
    public void row(int number, List<String> cells) {
      if (++rows <= spec.headerRows()) {
        headers.add(cells);
        return;
      }
      if (columns == null) {
        columns = Layout.resolve(spec, headers, file);
      }
      if (cells.stream().allMatch(s -> s == null || s.isBlank())) {
        return;
      }
      if (firstRow.size() >= CodeTable.MAX_ENTRIES) {
        throw new CodeListException(file, "more than " + CodeTable.MAX_ENTRIES + " codes");
      }
      Message bad = add(number, cells);
      if (bad != null) {
        badRows++;
        if (problems.size() < CodeListException.MAX_REPORTED) {
          problems.add(new RowProblem(number, bad));
        } else if (!spec.skipBadRows()) {
          throw new CodeListException(file, problems);
        }
      }
    }

    private Message add(int number, List<String> cells) {
      for (int c : columns) {
        String error = XlsxRows.error(c < cells.size() ? cells.get(c) : null);
        if (error != null) {
          return Message.of("单元格是 Excel 错误值 " + error, "a cell holds the Excel error " + error);
        }
      }
      String code = cell(cells, columns[0]);
      String name = cell(cells, columns[1]);
      if (code.isEmpty()) {
        return Message.of("编码为空", "no code");
      }
      if (name.isEmpty()) {
        return Message.of("编码 " + code + " 没有名称", "code " + code + " has no name");
      }
      Integer first = firstRow.get(code);
      if (first != null) {
        return Message.of("编码 " + code + " 与第 " + first + " 行重复",
            "code " + code + " repeats row " + first);
      }
      List<String> synonyms = new ArrayList<>();
      for (int i = 2; i < columns.length; i++) {
        for (String s : cell(cells, columns[i]).split(java.util.regex.Pattern.quote(
            spec.synonymSeparator()))) {
          String t = s.strip();
          if (!t.isEmpty() && !t.equals(name) && !synonyms.contains(t)) {
            synonyms.add(t);
          }
        }
      }
      try {
        table.add(code, name, synonyms.toArray(String[]::new));
      } catch (IllegalArgumentException e) {
        return Message.of("编码 " + code + " 无效：" + e.getMessage(), e.getMessage());
      }
      firstRow.put(code, number);
      return null;
    }

    private static String cell(List<String> cells, int column) {
      String s = column < cells.size() ? cells.get(column) : null;
      return s == null ? "" : s.strip();
    }

    Loaded finish(Readings readings) {
      if (columns == null) {
        throw new CodeListException(file, "no codes below the " + spec.headerRows()
            + " header row(s) (表头以下没有编码)");
      }
      if (!problems.isEmpty() && !spec.skipBadRows()) {
        throw new CodeListException(file, problems);
      }
      if (firstRow.isEmpty()) {
        throw new CodeListException(file, "no codes (没有编码)");
      }
      return new Loaded(table.build(readings), problems, badRows);
    }
  }
}
