package org.emrkit.batch;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import org.apache.beam.sdk.io.FileIO;
import org.apache.beam.sdk.metrics.Counter;
import org.apache.beam.sdk.metrics.Metrics;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.values.KV;
import org.emrkit.json.JsonLimits;
import org.emrkit.problem.Message;

/**
 * Reads the record files one at a time as they are matched (memory does not grow with their
 * number): a {@code .json} file is one record, keyed by its path; a {@code .jsonl} file one
 * record per line, keyed {@code path#line}. A file larger than a record may be, or not UTF-8, is
 * a dead letter.
 */
final class ReadRecords extends DoFn<FileIO.ReadableFile, KV<String, String>> {

  private static final long serialVersionUID = 1L;
  /** Largest record file: a record's JSON bound (16 MiB characters, at most 4 bytes each). */
  static final long MAX_JSON_BYTES = 4L * JsonLimits.DEFAULT.maxDocumentChars();
  /** Largest JSON Lines file: many records, read a line at a time. */
  static final long MAX_LINES_BYTES = 4L * 1024 * 1024 * 1024;

  private final Counter read = Metrics.counter(ArchiveBatch.class, "read");
  private final Counter dead = Metrics.counter(ArchiveBatch.class, "deadLettered");

  @ProcessElement
  public void process(@Element FileIO.ReadableFile file, MultiOutputReceiver out)
      throws IOException {
    String path = file.getMetadata().resourceId().toString();
    long size = file.getMetadata().sizeBytes();
    boolean lines = path.endsWith(".jsonl");
    if (size > (lines ? MAX_LINES_BYTES : MAX_JSON_BYTES)) {
      read.inc();
      reject(out, path, "batch/too-large", Message.of("文件大小 " + size + " 字节，超过上限",
          "the file has " + size + " bytes, more than a record file may have"));
      return;
    }
    if (!lines) {
      read.inc();
      decode(file.readFullyAsBytes()).ifPresentOrElse(
          text -> out.get(ArchiveRecord.RECORDS).output(KV.of(path, text)),
          () -> reject(out, path, "batch/not-utf8", Message.of("文件不是 UTF-8 编码",
              "the file is not UTF-8")));
      return;
    }
    try (java.io.BufferedReader r = new java.io.BufferedReader(new java.io.InputStreamReader(
        java.nio.channels.Channels.newInputStream(file.open()),
        StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)))) {
      int n = 0;
      for (String line = r.readLine(); line != null; line = r.readLine()) {
        n++;
        if (!line.isBlank()) {
          read.inc();
          out.get(ArchiveRecord.RECORDS).output(KV.of(path + "#" + n, line));
        }
      }
    } catch (CharacterCodingException e) {
      read.inc();
      reject(out, path, "batch/not-utf8", Message.of("文件不是 UTF-8 编码（其余行未读）",
          "the file is not UTF-8 (its remaining lines were not read)"));
    }
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
