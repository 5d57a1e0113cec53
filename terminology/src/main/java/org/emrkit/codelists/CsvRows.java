package org.emrkit.codelists;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/** CSV rows (RFC 4180, an initial BOM ignored) by record number (package-private). */
final class CsvRows {
  private CsvRows() {}

  static void read(InputStream in, Charset encoding, CodeLists.RowSink sink) throws IOException {
    Reader r = new InputStreamReader(in, encoding);
    r = new java.io.PushbackReader(r, 1);
    int first = r.read();
    if (first != -1 && first != '\uFEFF') {
      ((java.io.PushbackReader) r).unread(first);
    }
    CSVFormat format = CSVFormat.RFC4180.builder().setIgnoreEmptyLines(false).get();
    try (CSVParser p = CSVParser.parse(r, format)) {
      for (CSVRecord rec : p) {
        sink.row((int) rec.getRecordNumber(), rec.toList());
      }
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
  }
}
