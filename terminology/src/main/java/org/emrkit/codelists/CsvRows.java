package org.emrkit.codelists;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PushbackReader;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * CSV rows (RFC 4180, an initial BOM ignored) by record number (package-private). Bytes that
 * are not the encoding's fail the load: a GB18030 file read as UTF-8 would otherwise load as
 * replacement characters.
 */
final class CsvRows {
  private CsvRows() {}

  static void read(InputStream in, Charset encoding, String file, CodeLists.RowSink sink)
      throws IOException {
    PushbackReader r = new PushbackReader(new InputStreamReader(in, encoding.newDecoder()
        .onMalformedInput(CodingErrorAction.REPORT)
        .onUnmappableCharacter(CodingErrorAction.REPORT)), 1);
    CSVFormat format = CSVFormat.RFC4180.builder().setIgnoreEmptyLines(false).get();
    int[] last = {0};
    try {
      int first = r.read();
      if (first != -1 && first != '\uFEFF') {
        r.unread(first);
      }
      try (CSVParser p = CSVParser.parse(r, format)) {
        for (CSVRecord rec : p) {
          last[0] = (int) rec.getRecordNumber();
          sink.row(last[0], rec.toList());
        }
      } catch (UncheckedIOException e) {
        throw e.getCause();
      }
    } catch (CharacterCodingException e) {
      throw new CodeListException(file, "after row " + last[0] + ": not " + encoding.name()
          + " text (编码不是 " + encoding.name() + ")" + (encoding.name().equals("UTF-8")
          ? "; a file saved by older Excel is GB18030: set \"encoding\": \"GB18030\"" : ""));
    } catch (IOException e) {
      throw new CodeListException(file, "after row " + last[0] + ": not valid CSV (CSV 格式错误): "
          + e.getMessage());
    }
  }
}
