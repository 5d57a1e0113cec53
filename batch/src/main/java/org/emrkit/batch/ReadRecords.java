package org.emrkit.batch;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import org.apache.beam.sdk.io.FileSystems;
import org.apache.beam.sdk.io.fs.ResourceId;
import org.apache.beam.sdk.metrics.Counter;
import org.apache.beam.sdk.metrics.Metrics;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.values.KV;
import org.emrkit.json.JsonLimits;
import org.emrkit.problem.Message;

/**
 * Reads the record files one at a time (a record's text is held only while it is processed): a
 * {@code .json} file is one record, keyed by its path; a {@code .jsonl} file one
 * record per line, keyed {@code path#line}. A file larger than a record may be, or not UTF-8, is
 * a dead letter.
 */
final class ReadRecords extends DoFn<String, KV<String, String>> {

  private static final long serialVersionUID = 1L;
  /** Largest record file: a record's JSON bound (16 MiB characters, at most 4 bytes each). */
  static final long MAX_JSON_BYTES = 4L * JsonLimits.DEFAULT.maxDocumentChars();

  private final Counter read = Metrics.counter(ArchiveBatch.class, "read");
  private final Counter dead = Metrics.counter(ArchiveBatch.class, "deadLettered");

  @ProcessElement
  public void process(@Element String path, MultiOutputReceiver out) throws IOException {
    // opened directly: matching a path to learn its size would list its directory, per file
    ResourceId file = FileSystems.matchNewResource(path, false);
    if (!path.endsWith(".jsonl")) {
      read.inc();
      byte[] bytes;
      try (java.io.InputStream in = java.nio.channels.Channels.newInputStream(
          FileSystems.open(file))) {
        bytes = in.readNBytes((int) MAX_JSON_BYTES);
        if (in.read() >= 0) {
          reject(out, path, "batch/too-large", Message.of("文件超过 " + MAX_JSON_BYTES
              + " 字节", "the file has more than " + MAX_JSON_BYTES + " bytes"));
          return;
        }
      }
      decode(bytes).ifPresentOrElse(
          text -> out.get(ArchiveRecord.RECORDS).output(KV.of(path, text)),
          () -> reject(out, path, "batch/not-utf8", Message.of("文件不是 UTF-8 编码",
              "the file is not UTF-8")));
      return;
    }
    try (java.io.BufferedReader r = new java.io.BufferedReader(new java.io.InputStreamReader(
        java.nio.channels.Channels.newInputStream(FileSystems.open(file)),
        StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)))) {
      int n = 0;
      int max = JsonLimits.DEFAULT.maxDocumentChars();
      StringBuilder line = new StringBuilder();
      for (int state = nextLine(r, line, max); state != EOF; state = nextLine(r, line, max)) {
        n++;
        if (state == FITS && line.toString().isBlank()) {
          continue;
        }
        read.inc();
        if (state == TOO_LONG) {
          reject(out, path + "#" + n, "batch/too-large", Message.of("这一行超过一份病历的长度上限",
              "the line is longer than a record may be"));
        } else {
          out.get(ArchiveRecord.RECORDS).output(KV.of(path + "#" + n, line.toString()));
        }
      }
    } catch (CharacterCodingException e) {
      read.inc(); // what is left of the file: one dead letter
      reject(out, path, "batch/not-utf8", Message.of("文件不是 UTF-8 编码（其余行未读）",
          "the file is not UTF-8 (its remaining lines were not read)"));
    }
  }

  private static final int EOF = -1;
  private static final int FITS = 0;
  private static final int TOO_LONG = 1;

  /**
   * Reads the next line into {@code line} (without its end), keeping at most {@code max}
   * characters of it: a line longer than that is read to its end and dropped, so one line with
   * no end never fills the memory.
   */
  static int nextLine(java.io.Reader r, StringBuilder line, int max) throws IOException {
    line.setLength(0);
    boolean any = false;
    boolean tooLong = false;
    for (int c = r.read(); c >= 0; c = r.read()) {
      any = true;
      if (c == '\n') {
        break;
      }
      if (line.length() < max) {
        line.append((char) c);
      } else {
        tooLong = true;
      }
    }
    if (!any) {
      return EOF;
    }
    if (line.length() > 0 && line.charAt(line.length() - 1) == '\r') {
      line.setLength(line.length() - 1);
    }
    return tooLong ? TOO_LONG : FITS;
  }

  private void reject(MultiOutputReceiver out, String path, String code, Message m) {
    dead.inc();
    out.get(ArchiveRecord.DEAD).output(ArchiveRecord.deadLetter(path, code, "", m));
  }

  private static java.util.Optional<String> decode(byte[] bytes) {
    try {
      return java.util.Optional.of(StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes))
          .toString());
    } catch (CharacterCodingException e) {
      return java.util.Optional.empty();
    }
  }
}
