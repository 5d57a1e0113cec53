package org.emrkit.render;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.emrkit.problem.Message;
import org.emrkit.record.Record;
import org.emrkit.template.Template;

/**
 * The contract every output format keeps: render a record filled from a template to a stream.
 * Implementations are immutable and thread-safe, built once with their format's options
 * ({@link RenderOptions}) and used for many records.
 */
public interface RecordRenderer {

  /**
   * Writes the record to {@code out} (not closed).
   *
   * @throws RenderException when the record cannot be rendered (its code says why), including
   *     {@code render/template-mismatch} for a record filled from another template and
   *     {@code render/io} when writing fails
   */
  void render(Template template, Record record, OutputStream out);

  /**
   * Writes the record to a file, replacing it only when rendering succeeded: the output goes to
   * a temporary file beside it, which is then moved into place, so a failed rendering leaves the
   * previous file as it was.
   *
   * @throws RenderException as {@link #render(Template, Record, OutputStream)}
   */
  default void renderTo(Template template, Record record, Path file) {
    writeTo(file, out -> {
      render(template, record, out);
      return null;
    });
  }

  /**
   * Writes these bytes to a file through a temporary file moved into place, as
   * {@link #writeTo(Path, java.util.function.Function)}.
   *
   * @throws RenderException ({@code render/io}) when the file cannot be written
   */
  static void writeTo(Path file, byte[] bytes) {
    writeTo(file, out -> {
      try {
        out.write(bytes);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      return null;
    });
  }

  /**
   * Writes a file through a temporary file in its directory moved into place when {@code write}
   * returns, so a failed write leaves the previous file as it was; returns what {@code write}
   * returns.
   *
   * @throws RenderException ({@code render/io}) when the file cannot be written
   */
  static <T> T writeTo(Path file, java.util.function.Function<OutputStream, T> write) {
    Path tmp = null;
    try {
      tmp = temporary(file);
      T result;
      try (OutputStream out = new java.io.BufferedOutputStream(Files.newOutputStream(tmp))) {
        result = write.apply(out);
      } catch (UncheckedIOException e) {
        throw e.getCause(); // a write that failed inside the function: reported as one below
      }
      move(tmp, file);
      tmp = null;
      return result;
    } catch (IOException e) {
      throw cannotWrite(file, e);
    } finally {
      remove(tmp);
    }
  }

  /**
   * Writes two files that stand together, such as a print and the record that logs it: both
   * are written to temporary files in their directories first and only then moved into place,
   * so that when either cannot be written (a record in a directory the user may not write)
   * neither file changes.
   *
   * @throws RenderException ({@code render/io}) naming the file that could not be written
   */
  static void writeBoth(Path first, byte[] firstBytes, Path second, byte[] secondBytes) {
    Path a = null;
    Path b = null;
    Path at = first;
    try {
      a = temporary(first);
      Files.write(a, firstBytes);
      at = second;
      b = temporary(second);
      Files.write(b, secondBytes);
      at = first;
      move(a, first);
      a = null;
      at = second;
      move(b, second);
      b = null;
    } catch (IOException e) {
      throw cannotWrite(at, e);
    } finally {
      remove(a);
      remove(b);
    }
  }

  private static Path temporary(Path file) throws IOException {
    Path tmp = Files.createTempFile(file.toAbsolutePath().getParent(), "." + file.getFileName(),
        ".tmp");
    try {
      permissions(file, tmp);
    } catch (IOException | RuntimeException e) {
      remove(tmp);
      throw e;
    }
    return tmp;
  }

  private static void move(Path tmp, Path file) throws IOException {
    try {
      Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
    }
  }

  private static void remove(Path tmp) {
    if (tmp != null) {
      try {
        Files.deleteIfExists(tmp);
      } catch (IOException e) {
        throw new UncheckedIOException("could not remove " + tmp, e);
      }
    }
  }

  /**
   * {@code render/io} naming the file and why, as a person says it: a file system's exceptions
   * carry only the path (permission denied said {@code /ward/.pn.json123.tmp}, nothing more).
   */
  private static RenderException cannotWrite(Path file, IOException e) {
    String zh;
    String en;
    if (e instanceof java.nio.file.AccessDeniedException) {
      zh = "没有写入权限";
      en = "permission denied";
    } else if (e instanceof java.nio.file.NoSuchFileException) {
      zh = "目录不存在";
      en = "no such directory";
    } else if (e instanceof java.nio.file.FileSystemException f && f.getReason() != null) {
      zh = f.getReason();
      en = f.getReason();
    } else {
      zh = String.valueOf(e.getMessage());
      en = zh;
    }
    return new RenderException("render/io", "", Message.of("无法写入文件 " + file + "：" + zh,
        "could not write " + file + ": " + en), e);
  }

  /**
   * Gives the temporary file the permissions of the file it replaces, or {@code rw-r--r--} for a
   * new one (a temporary file is made readable by its owner alone, and a record or PDF a ward
   * shares must not become so by being rewritten). Nothing on a file system without POSIX
   * permissions.
   */
  private static void permissions(Path file, Path tmp) throws IOException {
    try {
      java.util.Set<java.nio.file.attribute.PosixFilePermission> p = Files.exists(file)
          ? Files.getPosixFilePermissions(file)
          : java.nio.file.attribute.PosixFilePermissions.fromString("rw-r--r--");
      Files.setPosixFilePermissions(tmp, p);
    } catch (UnsupportedOperationException e) {
      // not a POSIX file system: the platform's defaults
    }
  }
}
