package org.emrkit.codelists;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.ParserConfigurationException;
import org.apache.poi.openxml4j.exceptions.OpenXML4JException;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.util.XMLHelper;
import org.apache.poi.xssf.eventusermodel.ReadOnlySharedStringsTable;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.apache.poi.xssf.eventusermodel.XSSFSheetXMLHandler;
import org.apache.poi.xssf.model.StylesTable;
import org.apache.poi.xssf.usermodel.XSSFComment;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.XMLReader;

/**
 * The rows of one sheet of an .xlsx file, read as a SAX stream (POI's event API), so a list of
 * 40,000 rows costs no workbook in memory; cells as Excel shows them (package-private).
 */
final class XlsxRows {
  private XlsxRows() {}

  /** Excel's last row: a row number past it is no spreadsheet Excel wrote. */
  static final int MAX_ROW = 1_048_576;
  /** The most entries, and unpacked bytes, an .xlsx file may declare. */
  static final int MAX_ENTRIES = 10_000;
  static final long MAX_UNPACKED = 512L * 1024 * 1024;
  /** The largest shared-string table (every distinct cell text): read whole into memory. */
  static final long MAX_SHARED_STRINGS = 64L * 1024 * 1024;

  static void read(InputStream in, String sheet, String file, CodeLists.RowSink sink)
      throws IOException {
    // a file on disk, opened lazily: from a stream POI would unpack every part into memory
    java.nio.file.Path tmp = java.nio.file.Files.createTempFile("emrkit-list-", ".xlsx");
    try {
      java.nio.file.Files.copy(in, tmp, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
      checkZip(tmp, file);
      read(tmp, sheet, file, sink);
    } finally {
      java.nio.file.Files.deleteIfExists(tmp);
    }
  }

  /** The sizes the zip declares: entries, their unpacked total, the shared strings. */
  private static void checkZip(java.nio.file.Path zip, String file) {
    try (java.util.zip.ZipFile z = new java.util.zip.ZipFile(zip.toFile())) {
      long total = 0;
      int n = 0;
      for (var it = z.entries(); it.hasMoreElements(); ) {
        java.util.zip.ZipEntry e = it.nextElement();
        if (++n > MAX_ENTRIES) {
          throw new CodeListException(file, "more than " + MAX_ENTRIES + " parts (文件过大)");
        }
        long size = Math.max(0, e.getSize());
        total += size;
        if (total > MAX_UNPACKED || (e.getName().endsWith("sharedStrings.xml")
            && size > MAX_SHARED_STRINGS)) {
          throw new CodeListException(file, "unpacks to more than " + (total > MAX_UNPACKED
              ? MAX_UNPACKED / 1024 / 1024 + " MB" : "a " + MAX_SHARED_STRINGS / 1024 / 1024
              + " MB shared-string table") + " (文件过大)");
        }
      }
    } catch (IOException e) {
      throw new CodeListException(file, "not a readable .xlsx file (无法读取的 xlsx 文件): "
          + e.getMessage());
    }
  }

  private static void read(java.nio.file.Path path, String sheet, String file,
      CodeLists.RowSink sink) throws IOException {
    try (OPCPackage pkg = OPCPackage.open(path.toFile(),
        org.apache.poi.openxml4j.opc.PackageAccess.READ)) {
      XSSFReader reader = new XSSFReader(pkg);
      ReadOnlySharedStringsTable strings = new ReadOnlySharedStringsTable(pkg);
      StylesTable styles = reader.getStylesTable();
      XSSFReader.SheetIterator it = (XSSFReader.SheetIterator) reader.getSheetsData();
      List<String> seen = new ArrayList<>();
      while (it.hasNext()) {
        try (InputStream s = it.next()) {
          String name = it.getSheetName();
          seen.add(name);
          if (sheet == null || sheet.equals(name)) {
            XMLReader xml = XMLHelper.newXMLReader();
            xml.setContentHandler(new XSSFSheetXMLHandler(styles, null, strings,
                new Handler(sink, file), new PlainNumbers(), false));
            xml.parse(new InputSource(s));
            return;
          }
        }
      }
      throw new CodeListException(file, sheet == null ? "no sheet (没有工作表)"
          : "no sheet named \"" + sheet + "\" (没有工作表“" + sheet + "”); it has " + seen);
    } catch (CodeListException e) {
      throw e;
    } catch (OpenXML4JException | SAXException | ParserConfigurationException
        | RuntimeException e) {
      // POI's own failures on a malformed part (a shared string out of range, a bomb, an empty
      // file...) come as its exceptions or plain runtime ones: one clear message for all
      throw new CodeListException(file, "not a readable .xlsx file (无法读取的 xlsx 文件): "
          + e.getClass().getSimpleName() + ": " + e.getMessage());
    }
  }

  /**
   * Marks a cell Excel shows as an error (#N/A): never a code or a name. A NUL, which no cell
   * text can start with (a code or name with one is refused anyway), then the error.
   */
  private static final String ERROR = "\u0000";

  /** The Excel error a cell holds ({@code #N/A}), or null. */
  static String error(String cell) {
    return cell != null && cell.startsWith(ERROR) ? cell.substring(ERROR.length()) : null;
  }

  /** Collects one row's cells by column and hands the row on. */
  private static final class Handler implements XSSFSheetXMLHandler.SheetContentsHandler {
    private final CodeLists.RowSink sink;
    private final String file;
    private final List<String> cells = new ArrayList<>();
    private int next = 1;

    Handler(CodeLists.RowSink sink, String file) {
      this.sink = sink;
      this.file = file;
    }

    @Override
    public void startRow(int rowNum) {
      if (rowNum >= MAX_ROW || rowNum < 0) {
        throw new CodeListException(file, "row " + (rowNum + 1L) + " is past Excel's last row "
            + MAX_ROW);
      }
      // rows the file leaves out (blank) still count, so numbers match what Excel shows
      while (next < rowNum + 1) {
        sink.row(next++, List.of());
      }
      cells.clear();
    }

    @Override
    public void endRow(int rowNum) {
      sink.row(rowNum + 1, new ArrayList<>(cells));
      next = rowNum + 2;
    }

    @Override
    public void cell(String ref, String value, XSSFComment comment) {
      // a cell may leave out its reference (it is then the next one), and cells may come in
      // any order
      int col = ref == null ? cells.size() : new CellReference(ref).getCol();
      while (cells.size() <= col) {
        cells.add(null);
      }
      // POI writes an error cell as ERROR:#N/A
      cells.set(col, value != null && value.startsWith("ERROR:")
          ? ERROR + value.substring("ERROR:".length()) : value);
    }
  }

  /**
   * Numbers as codes are written: Excel's General format shows 123456789012 as 1.23457E+11;
   * here a General number is its value to 15 significant digits, plain (51.23, 123456789012).
   * Numbers with a format of their own keep it (51.10 formatted 0.00).
   */
  private static final class PlainNumbers extends DataFormatter {
    @Override
    public String formatRawCellContents(double value, int formatIndex, String formatString,
        boolean use1904Windowing) {
      if ((formatString == null || formatString.equalsIgnoreCase("General"))
          && Double.isFinite(value)) {
        return new java.math.BigDecimal(value).round(new java.math.MathContext(15))
            .stripTrailingZeros().toPlainString();
      }
      return super.formatRawCellContents(value, formatIndex, formatString, use1904Windowing);
    }
  }
}
