package org.emrkit.terminology;

import static org.emrkit.record.ValueText.isAsciiDigits;

import java.util.regex.Pattern;

/**
 * Format checks for the code systems of Chinese medical records, without a code table: ICD-10
 * (WHO and the national clinical version: {@code J18.9}, {@code J18.900}, {@code I10.x00},
 * {@code I10.x00x032}) and ICD-9-CM-3 procedures ({@code 51.23}, {@code 51.2300x001}).
 */
public final class CodeFormats {

  /**
   * The form of an ICD-10 code, as {@link #isIcd10} reads it (a regular expression matched on
   * every diagnosis of every validation was a fortieth of it; the test holds the two the same).
   */
  static final String ICD10_FORM = "[A-Z][0-9]{2}(\\.[0-9xX]{1,3}(x[0-9]{3})?)?[+*]?";
  private static final Pattern ICD9CM3 = Pattern.compile("[0-9]{2}(\\.[0-9]{1,4}(x[0-9]{3})?)?");

  private CodeFormats() {}

  /** Whether {@code code} has the form of an ICD-10 (clinical version) diagnosis code. */
  public static boolean isIcd10(String code) {
    if (code == null || code.length() < 3 || !between(code.charAt(0), 'A', 'Z')
        || !isAsciiDigits(code, 1, 3)) {
      return false;
    }
    int n = code.length();
    int end = n > 3 && (code.charAt(n - 1) == '+' || code.charAt(n - 1) == '*') ? n - 1 : n;
    if (end == 3) {
      return true;
    }
    if (code.charAt(3) != '.') {
      return false;
    }
    // one to three of [0-9xX], then nothing or x and three digits
    for (int k = 1; k <= 3 && 4 + k <= end; k++) {
      char c = code.charAt(3 + k);
      if (!between(c, '0', '9') && c != 'x' && c != 'X') {
        return false;
      }
      int rest = end - (4 + k);
      if (rest == 0 || rest == 4 && code.charAt(4 + k) == 'x' && isAsciiDigits(code, 5 + k, end)) {
        return true;
      }
    }
    return false;
  }

  private static boolean between(char c, char low, char high) {
    return c >= low && c <= high;
  }

  /**
   * Whether {@code code} is a three-character ICD-10 category ({@code I20}): a valid WHO code
   * only where the category has no subdivisions, never a full code of the national clinical
   * version, whose codes all go below the category ({@code I20.000}, {@code I10.x00}).
   */
  public static boolean isIcd10Category(String code) {
    return code != null && code.length() <= 4 && isIcd10(code) && code.indexOf('.') < 0;
  }

  /** Whether {@code code} has the form of an ICD-9-CM-3 procedure code. */
  public static boolean isIcd9Cm3(String code) {
    return code != null && ICD9CM3.matcher(code).matches();
  }

  /** Whether {@code code} fits the named system; unknown systems accept any code. */
  public static boolean fits(String system, String code) {
    if (system == null) {
      return true;
    }
    String s = system.toUpperCase(java.util.Locale.ROOT).replace("_", "-");
    if (s.startsWith("ICD-10") || s.equals("ICD10")) {
      return isIcd10(code);
    }
    if (s.startsWith("ICD-9") || s.equals("ICD9CM3")) {
      return isIcd9Cm3(code);
    }
    return true;
  }
}
