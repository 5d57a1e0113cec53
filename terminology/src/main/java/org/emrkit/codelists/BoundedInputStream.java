package org.emrkit.codelists;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/** A stream that fails, rather than truncates, past a size (package-private). */
final class BoundedInputStream extends FilterInputStream {
  private final long max;
  private final String name;
  private long read;

  BoundedInputStream(InputStream in, long max, String name) {
    super(in);
    this.max = max;
    this.name = name;
  }

  @Override
  public int read() throws IOException {
    int b = super.read();
    if (b >= 0) {
      count(1);
    }
    return b;
  }

  @Override
  public int read(byte[] b, int off, int len) throws IOException {
    int n = super.read(b, off, len);
    if (n > 0) {
      count(n);
    }
    return n;
  }

  private void count(long n) {
    read += n;
    if (read > max) {
      throw new CodeListException(name, "larger than " + max / 1024 / 1024
          + " MB (文件过大)");
    }
  }
}
