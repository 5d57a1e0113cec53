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

  static void read(InputStream in, String sheet, String file, CodeLists.RowSink sink)
      throws IOException {
    try (OPCPackage pkg = OPCPackage.open(in)) {
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
                new Handler(sink), new DataFormatter(), false));
            xml.parse(new InputSource(s));
            return;
          }
        }
      }
      throw new CodeListException(file, sheet == null ? "no sheet (没有工作表)"
          : "no sheet named \"" + sheet + "\" (没有工作表“" + sheet + "”); it has " + seen);
    } catch (OpenXML4JException | SAXException | ParserConfigurationException
        | org.apache.poi.ooxml.POIXMLException | org.apache.poi.UnsupportedFileFormatException e) {
      throw new CodeListException(file, "not a readable .xlsx file (无法读取的 xlsx 文件): "
          + e.getMessage());
    }
  }

  /** Collects one row's cells by column and hands the row on. */
  private static final class Handler implements XSSFSheetXMLHandler.SheetContentsHandler {
    private final CodeLists.RowSink sink;
    private final List<String> cells = new ArrayList<>();
    private int next = 1;

    Handler(CodeLists.RowSink sink) {
      this.sink = sink;
    }

    @Override
    public void startRow(int rowNum) {
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
      int col = new CellReference(ref).getCol();
      while (cells.size() < col) {
        cells.add(null);
      }
      cells.add(value);
    }
  }
}
