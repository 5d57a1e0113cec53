package org.emrkit.batch;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.WritableByteChannel;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.apache.beam.sdk.io.FileSystems;
import org.apache.beam.sdk.io.fs.EmptyMatchTreatment;
import org.apache.beam.sdk.io.fs.MatchResult;
import org.apache.beam.sdk.io.fs.MoveOptions;
import org.apache.beam.sdk.io.fs.ResourceId;
import org.apache.beam.sdk.util.MimeTypes;

/**
 * Files through Beam's file systems (local, or HDFS, GCS ... on a cluster): atomic writes (a
 * temporary file renamed into place, so an interrupted write leaves nothing half-written under
 * the real name), reads bounded in size, listings, SHA-256.
 */
final class Files2 {

  private Files2() {}

  static ResourceId resource(String path) {
    return FileSystems.matchNewResource(path, path.endsWith("/"));
  }

  /** Writes a file atomically. */
  static void write(String path, byte[] bytes) {
    ResourceId target = resource(path);
    // a name of its own: a retried or speculative attempt at the same record writes beside it
    ResourceId tmp = target.getCurrentDirectory().resolve("." + target.getFilename() + "."
        + java.util.UUID.randomUUID() + ".tmp",
        org.apache.beam.sdk.io.fs.ResolveOptions.StandardResolveOptions.RESOLVE_FILE);
    try {
      try (WritableByteChannel ch = FileSystems.create(tmp, MimeTypes.BINARY)) {
        ByteBuffer b = ByteBuffer.wrap(bytes);
        while (b.hasRemaining()) {
          ch.write(b);
        }
      }
      FileSystems.rename(List.of(tmp), List.of(target),
          MoveOptions.StandardMoveOptions.IGNORE_MISSING_FILES);
    } catch (IOException e) {
      throw new UncheckedIOException("could not write " + path, e);
    }
  }

  /**
   * A file's bytes, or empty when it does not exist; more than {@code max} bytes is an error.
   * Opened directly, not matched: matching a path lists its directory, and the archive's
   * directories hold one file per record.
   */
  static Optional<byte[]> read(String path, int max) {
    try (InputStream in = Channels.newInputStream(FileSystems.open(resource(path)))) {
      byte[] bytes = in.readNBytes(max);
      if (in.read() >= 0) {
        throw new IOException(path + " is larger than " + max + " bytes");
      }
      return Optional.of(bytes);
    } catch (java.io.FileNotFoundException | java.nio.file.NoSuchFileException e) {
      return Optional.empty();
    } catch (IOException e) {
      throw new UncheckedIOException("could not read " + path, e);
    }
  }

  /**
   * Checks that a directory (not a glob) exists.
   *
   * @throws IllegalArgumentException when it does not
   */
  static void requireDirectory(String dir) {
    if (dir.contains("*") || dir.contains("?")) {
      return;
    }
    try {
      MatchResult m = FileSystems.match(List.of(dir), EmptyMatchTreatment.DISALLOW).get(0);
      if (m.status() == MatchResult.Status.OK) {
        return;
      }
    } catch (IOException e) {
      // reported below
    }
    throw new IllegalArgumentException("no such directory: " + dir);
  }

  /** The files a glob matches, sorted by name. */
  static List<String> list(String glob) {
    try {
      List<String> out = new ArrayList<>();
      for (MatchResult.Metadata md : FileSystems.match(glob, EmptyMatchTreatment.ALLOW)
          .metadata()) {
        out.add(md.resourceId().toString());
      }
      out.sort(null);
      return out;
    } catch (IOException e) {
      throw new UncheckedIOException("could not list " + glob, e);
    }
  }

  static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  static String sha256(String text) {
    return sha256(text.getBytes(StandardCharsets.UTF_8));
  }

  /** {@code dir} and {@code name} joined with one slash. */
  static String join(String dir, String name) {
    return dir.endsWith("/") ? dir + name : dir + "/" + name;
  }
}
