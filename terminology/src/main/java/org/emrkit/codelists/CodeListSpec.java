package org.emrkit.codelists;

import java.nio.charset.Charset;
import java.util.List;
import java.util.Objects;
import org.emrkit.terminology.CodeSystemRef;

/**
 * How to read one code list file: which system and version it is, and where in the file the
 * codes, names and synonyms are. Columns are given as letters ({@code A}), 1-based numbers
 * ({@code 2}) or the header text of the last header row ({@code 疾病名称}).
 *
 * @param system the system id and version the list is, e.g. {@code icd10-clinical|2.0}
 * @param title the title people read, e.g. {@code ICD-10 国家临床版 2.0}
 * @param code the code column
 * @param name the name column
 * @param synonyms the synonym columns, possibly none
 * @param synonymSeparator what separates several synonyms in one cell (default {@code |})
 * @param headerRows how many rows above the first code (default 1)
 * @param sheet the xlsx sheet's name, or {@code null} for the first sheet
 * @param encoding a CSV file's encoding (UTF-8, or GB18030 for files saved by older Excel)
 * @param fullCodes whether records must carry full codes, not categories
 * @param skipBadRows whether a bad row is skipped and reported (true) or fails the load (false)
 */
public record CodeListSpec(CodeSystemRef system, String title, String code, String name,
    List<String> synonyms, String synonymSeparator, int headerRows, String sheet,
    Charset encoding, boolean fullCodes, boolean skipBadRows) {

  /** The most header rows. */
  public static final int MAX_HEADER_ROWS = 20;

  /** Checks and copies. */
  public CodeListSpec {
    Objects.requireNonNull(system, "system");
    Objects.requireNonNull(title, "title");
    Objects.requireNonNull(code, "code");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(encoding, "encoding");
    synonyms = List.copyOf(synonyms);
    if (synonymSeparator == null || synonymSeparator.isEmpty()) {
      throw new IllegalArgumentException("the synonym separator must not be empty");
    }
    if (headerRows < 0 || headerRows > MAX_HEADER_ROWS) {
      throw new IllegalArgumentException("headerRows must be 0 to " + MAX_HEADER_ROWS);
    }
  }

  /**
   * A list of system {@code id|version}: codes in column A, names in B, no synonyms, one header
   * row, UTF-8, full codes required, bad rows fail the load.
   */
  public static CodeListSpec of(String system, String title) {
    return new CodeListSpec(CodeSystemRef.parse(system), title, "A", "B", List.of(), "|", 1,
        null, java.nio.charset.StandardCharsets.UTF_8, true, false);
  }

  /** This spec with other code, name and synonym columns. */
  public CodeListSpec columns(String code, String name, String... synonyms) {
    return new CodeListSpec(system, title, code, name, List.of(synonyms), synonymSeparator,
        headerRows, sheet, encoding, fullCodes, skipBadRows);
  }

  /** This spec with another number of header rows and sheet. */
  public CodeListSpec layout(int headerRows, String sheet) {
    return new CodeListSpec(system, title, code, name, synonyms, synonymSeparator, headerRows,
        sheet, encoding, fullCodes, skipBadRows);
  }

  /** This spec with bad rows skipped and reported rather than failing the load. */
  public CodeListSpec skippingBadRows() {
    return new CodeListSpec(system, title, code, name, synonyms, synonymSeparator, headerRows,
        sheet, encoding, fullCodes, true);
  }
}
