package org.emrkit.edit;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.emrkit.json.CanonicalJson;
import org.emrkit.record.Proof;

/**
 * An anchor log in one file, one anchor per line (canonical JSON: {@code record, length, head,
 * at}, and {@code proof} when there is one), only ever appended to: each append takes a file lock
 * (so processes sharing the file do not interleave lines) and is forced to the disk before it
 * returns. Reading a record's anchors reads the whole file; a line that is not an anchor is an
 * error, never skipped.
 *
 * <p>The file only helps if those who can change the stored records cannot change it: keep it on
 * write-once storage, or mark it append-only ({@code chattr +a} on Linux) and owned by another
 * user than the one that writes records. Thread-safe; use one instance per file in a process.
 */
public final class FileAnchorLog implements AnchorLog {

  /** The longest line read (an anchor with a time-stamp token is a few kilobytes). */
  static final int MAX_LINE = 100_000;

  private final Path file;

  /** An anchor log in {@code file} (created at the first append). */
  public FileAnchorLog(Path file) {
    this.file = Objects.requireNonNull(file, "file");
  }

  /** The file. */
  public Path file() {
    return file;
  }

  @Override
  public synchronized void append(Anchor anchor) {
    Objects.requireNonNull(anchor, "anchor");
    var o = CanonicalJson.parse(anchor.content());
    if (anchor.proof() != null) {
      var p = ((com.fasterxml.jackson.databind.node.ObjectNode) o).putObject("proof");
      p.put("type", anchor.proof().type());
      p.put("value", anchor.proof().value());
    }
    byte[] line = (CanonicalJson.write(o) + "\n").getBytes(StandardCharsets.UTF_8);
    try (FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE,
        StandardOpenOption.WRITE, StandardOpenOption.APPEND)) {
      FileLock lock = ch.lock();
      try {
        ByteBuffer b = ByteBuffer.wrap(line);
        while (b.hasRemaining()) {
          ch.write(b);
        }
        ch.force(true);
      } finally {
        lock.release();
      }
    } catch (IOException e) {
      throw new UncheckedIOException("could not append to the anchor log " + file, e);
    }
  }

  @Override
  public synchronized List<Anchor> anchors(String recordId) {
    Objects.requireNonNull(recordId, "recordId");
    List<Anchor> out = new ArrayList<>();
    try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      int n = 0;
      for (String line = line(r, n + 1); line != null; line = line(r, n + 1)) {
        n++;
        if (line.isEmpty()) {
          continue;
        }
        Anchor a = read(line, n);
        if (a.recordId().equals(recordId)) {
          out.add(a);
        }
      }
    } catch (NoSuchFileException e) {
      return out;
    } catch (IOException e) {
      throw new UncheckedIOException("could not read the anchor log " + file, e);
    }
    return out;
  }

  /** The next line, or {@code null} at the end; a line over {@link #MAX_LINE} is an error. */
  private String line(BufferedReader r, int n) throws IOException {
    StringBuilder sb = new StringBuilder();
    for (int c = r.read(); c != '\n'; c = r.read()) {
      if (c < 0) {
        return sb.length() == 0 ? null : sb.toString();
      }
      if (sb.length() == MAX_LINE) {
        throw new IllegalStateException(file + ":" + n + ": line longer than " + MAX_LINE
            + " characters: not an anchor");
      }
      sb.append((char) c);
    }
    return sb.toString();
  }

  private Anchor read(String line, int n) {
    try {
      JsonNode o = CanonicalJson.parse(line);
      JsonNode p = o.get("proof");
      return new Anchor(o.path("record").asText(), o.path("length").asInt(),
          o.path("head").asText(), OffsetDateTime.parse(o.path("at").asText()),
          p == null ? null : new Proof(p.path("type").asText(), p.path("value").asText()));
    } catch (IllegalArgumentException | java.time.DateTimeException e) {
      throw new IllegalStateException(file + ":" + n + ": not an anchor: " + e.getMessage(), e);
    }
  }
}
