package org.emrkit.conformance;

import static org.emrkit.testing.Zips.entries;
import static org.emrkit.testing.Zips.zip;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.emrkit.testing.Corpus;

/**
 * The fuzz corpus: hostile inputs of every kind EMRKit reads (EMR Markdown and template JSON,
 * record JSON, Word files, editing-service request bodies), each made by a recipe here (the
 * large ones would not belong in the repository) with the answer it must get. The cases are
 * the ones found by hand and by review; each is a regression test.
 *
 * @param name what the input is
 * @param kind how it is read: dsl, template-json, record, docx, body
 * @param expected the code of the first error it must get, or "ok"
 * @param bytes the input
 */
record FuzzCases(String name, String kind, String expected, byte[] bytes) {

  private static final String FM = "---\nid: t\nversion: 1.0.0\ntitle: T\n---\n\n";

  static List<FuzzCases> all() throws IOException {
    List<FuzzCases> c = new ArrayList<>();
    // ------------------------------------------------------------------ EMR Markdown
    c.add(dsl("expression-over-2000-characters", "dsl/expression-syntax",
        FM + "{{a: integer}} {{x: calc expr=\"a" + " + a".repeat(3_000) + "\"}}\n"));
    c.add(dsl("shift-operator-1<<40", "dsl/expression-syntax",
        FM + "{{a: integer}} {{x: calc expr=\"1 << 40\"}}\n"));
    c.add(dsl("100000-nested-containers", "dsl/container-nesting",
        FM + "::: if a\n\n".repeat(100_000) + "x\n\n" + ":::\n\n".repeat(100_000)));
    c.add(dsl("list-indented-2000-levels", "dsl/too-large", FM + nestedList(2_000)));
    c.add(dsl("table-2000-rows-50-columns", "ok", FM + table(2_000, 50)));
    c.add(dsl("5-megabyte-line", "dsl/too-large", FM + "文".repeat(5 * 1024 * 1024 / 3) + "\n"));
    c.add(dsl("not-utf-8", "dsl/encoding", null));
    // ------------------------------------------------------------------ template JSON
    String template = Corpus.text("/validation/templates/admission-record.json");
    c.add(new FuzzCases("template-json-shift-operator", "template-json", "json/template-invalid",
        template.replace("weight / pow(height / 100, 2)", "1 << 40")
            .getBytes(StandardCharsets.UTF_8)));
    c.add(new FuzzCases("template-json-10000-deep-arrays", "template-json", "json/limit",
        ("[".repeat(10_000) + "]".repeat(10_000)).getBytes(StandardCharsets.UTF_8)));
    // ------------------------------------------------------------------ record JSON
    String record = Corpus.text("/validation/records/clean--admission-record.json");
    c.add(record("number-1e999999", "json/number-range", record.replace("36.8", "1e999999")));
    c.add(record("number--1e999999999", "json/number-range",
        record.replace("36.8", "-1e999999999")));
    c.add(record("number-1e-999999999", "json/number-range",
        record.replace("36.8", "1e-999999999")));
    c.add(record("right-to-left-override", "json/character",
        record.replace("反复胸闷", "反复\\u202E胸闷")));
    c.add(record("noncharacter-U+FFFF", "json/character", record.replace("反复胸闷", "反复\\uFFFF胸闷")));
    c.add(record("lone-surrogate", "json/character", record.replace("反复胸闷", "反复\\uD800胸闷")));
    c.add(record("emoji-validates-and-renders", "ok",
        record.replace("反复胸闷", "反复\\uD83D\\uDE00胸闷")));
    c.add(record("duplicate-member", "json/syntax",
        record.replace("\"status\": \"signed\",", "\"status\": \"signed\", \"status\": \"draft\",")));
    c.add(record("trailing-garbage", "json/syntax", record + "}}"));
    c.add(record("17-megabyte-record", "json/too-large", record.replaceFirst("反复胸闷",
        "x".repeat(17 * 1024 * 1024))));
    c.add(record("15-megabyte-string-under-the-document-limit", "json/limit",
        record.replaceFirst("反复胸闷", "x".repeat(15 * 1024 * 1024))));
    c.add(record("clean-record-renders", "ok", record));
    // ------------------------------------------------------------------ Word files
    byte[] form = Files.readAllBytes(Path.of("../importers/docx/src/test/resources/forms")
        .resolve("outpatient-record.docx"));
    Map<String, byte[]> zeros = entries(form);
    zeros.put("word/media/bomb.bin", new byte[60 * 1024 * 1024]);
    c.add(new FuzzCases("zip-bomb-60-MiB-of-zeros", "docx", "docx/zip-bomb", zip(zeros)));
    Map<String, byte[]> many = entries(form);
    SplittableRandom r = new SplittableRandom(3);
    for (int i = 0; i < 12; i++) {
      byte[] b = new byte[12 * 1024 * 1024];
      for (int k = 0; k < b.length; k++) {
        b[k] = r.nextBoolean() ? (byte) 'a' : (byte) 'b';
      }
      many.put("word/media/p" + i + ".xml", b);
    }
    c.add(new FuzzCases("12-parts-of-12-MiB-under-the-entry-limit", "docx", "docx/zip-bomb",
        zip(many)));
    Map<String, byte[]> deep = entries(form);
    StringBuilder runs = new StringBuilder();
    for (int i = 0; i < 100_000; i++) {
      runs.append("<w:r w:rsidR=\"").append(Integer.toHexString(r.nextInt())).append("\">");
    }
    deep.put("word/document.xml", new String(deep.get("word/document.xml"),
        StandardCharsets.UTF_8).replaceFirst("<w:body>", "<w:body><w:p>" + runs
        + "</w:r>".repeat(100_000) + "</w:p>").getBytes(StandardCharsets.UTF_8));
    c.add(new FuzzCases("100000-nested-runs", "docx", "docx/too-deep", zip(deep)));
    c.add(new FuzzCases("not-a-zip", "docx", "docx/unreadable",
        "PK\u0003\u0004 not really".getBytes(StandardCharsets.ISO_8859_1)));
    c.add(new FuzzCases("word-form-imports", "docx", "ok", form));
    // ------------------------------------------------------------------ request bodies
    c.add(body("invalid-utf-8", "request/encoding", new byte[] {'{', '"', 'h', (byte) 0xC3, '"',
        ':', '1', '}'}));
    c.add(body("duplicate-members", "request/json",
        "{\"head\":\"\",\"head\":\"x\",\"values\":{}}"));
    c.add(body("trailing-data", "request/json", "{\"head\":\"\",\"values\":{}} []"));
    c.add(body("number-1e-999999999", "request/json",
        "{\"head\":\"\",\"values\":{\"temp\":1e-999999999}}"));
    c.add(body("value-over-200000-characters", "edit/too-long",
        "{\"head\":\"\",\"values\":{\"surgeryHistory\":\"" + "长".repeat(300_000) + "\"}}"));
    c.add(body("five-megabytes", "request/too-large",
        "{\"head\":\"\",\"values\":{\"hpi\":\"" + "x".repeat(5 * 1024 * 1024) + "\"}}"));
    c.add(body("a-good-save", "ok", "{\"head\":\"\",\"values\":{\"surgeryHistory\":\"否认\"}}"));
    return c;
  }

  private static FuzzCases dsl(String name, String expected, String text) {
    byte[] b = text == null ? new byte[] {'-', '-', '-', '\n', (byte) 0xFF, (byte) 0xFE, '\n'}
        : text.getBytes(StandardCharsets.UTF_8);
    return new FuzzCases(name, "dsl", expected, b);
  }

  private static FuzzCases record(String name, String expected, String text) {
    return new FuzzCases(name, "record", expected, text.getBytes(StandardCharsets.UTF_8));
  }

  private static FuzzCases body(String name, String expected, String text) {
    return body(name, expected, text.getBytes(StandardCharsets.UTF_8));
  }

  private static FuzzCases body(String name, String expected, byte[] bytes) {
    return new FuzzCases(name, "body", expected, bytes);
  }

  private static String nestedList(int depth) {
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < depth; i++) {
      b.append("  ".repeat(i)).append("- 第").append(i).append("层\n");
    }
    return b.toString();
  }

  private static String table(int rows, int columns) {
    StringBuilder b = new StringBuilder("|" + "---|".repeat(columns) + "\n");
    for (int r = 0; r < rows; r++) {
      b.append("|").append(" 格 |".repeat(columns)).append("\n");
    }
    return b.toString();
  }
}
