package org.emrkit.editor.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A raw HTTP/1.1 client over a socket, so a test can send what a browser would not: any Host,
 * any method, any Origin, any bytes. One request per connection. (java.net's clients refuse to
 * set Host and Origin.) In the test-jar for the demo's tests.
 */
public final class Http {

  /** A response. */
  public record Response(int status, Map<String, List<String>> headers, byte[] bytes) {
    public String body() {
      return new String(bytes, StandardCharsets.UTF_8);
    }

    public String header(String name) {
      List<String> v = headers.get(name.toLowerCase(Locale.ROOT));
      return v == null ? null : v.get(0);
    }

    public List<String> all(String name) {
      return headers.getOrDefault(name.toLowerCase(Locale.ROOT), List.of());
    }
  }

  private final int port;
  /** The Host header sent, or none. */
  public String host;
  /** The Origin header a POST sends, or none. */
  public String origin;
  /** The Cookie header sent, or none. */
  public String cookie;
  /** The X-CSRF-Token a JSON POST sends, or none. */
  public String csrf;

  /** A client of the server on this loopback port. */
  public Http(int port) {
    this.port = port;
    this.host = "127.0.0.1:" + port;
    this.origin = "http://127.0.0.1:" + port;
  }

  /** GET. */
  public Response get(String path) throws IOException {
    return send("GET", path, Map.of(), null);
  }

  /** A POST as the page's script makes it: this origin, the session's cookie and token. */
  public Response post(String path, String json) throws IOException {
    Map<String, String> h = new LinkedHashMap<>();
    h.put("Content-Type", "application/json");
    if (csrf != null) {
      h.put("X-CSRF-Token", csrf);
    }
    return send("POST", path, h, json.getBytes(StandardCharsets.UTF_8));
  }

  /** A form POST as a page's form makes it. */
  public Response form(String path, String body) throws IOException {
    return send("POST", path, Map.of("Content-Type", "application/x-www-form-urlencoded"),
        body.getBytes(StandardCharsets.UTF_8));
  }

  /** Any request. */
  public Response send(String method, String path, Map<String, String> headers, byte[] body)
      throws IOException {
    try (Socket s = new Socket(InetAddress.getLoopbackAddress(), port)) {
      s.setSoTimeout(30_000);
      StringBuilder req = new StringBuilder(method + " " + path + " HTTP/1.1\r\n");
      if (host != null) {
        req.append("Host: ").append(host).append("\r\n");
      }
      if (origin != null && method.equals("POST") && !headers.containsKey("Origin")) {
        req.append("Origin: ").append(origin).append("\r\n");
      }
      if (cookie != null) {
        req.append("Cookie: ").append(cookie).append("\r\n");
      }
      headers.forEach((k, v) -> req.append(k).append(": ").append(v).append("\r\n"));
      req.append("Connection: close\r\n");
      if (body != null) {
        req.append("Content-Length: ").append(body.length).append("\r\n");
      }
      req.append("\r\n");
      OutputStream out = s.getOutputStream();
      out.write(req.toString().getBytes(StandardCharsets.UTF_8));
      if (body != null) {
        out.write(body);
      }
      out.flush();
      return read(s.getInputStream());
    }
  }

  private static Response read(InputStream in) throws IOException {
    ByteArrayOutputStream all = new ByteArrayOutputStream();
    in.transferTo(all);
    byte[] b = all.toByteArray();
    int end = indexOf(b, "\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
    String head = new String(b, 0, end, StandardCharsets.ISO_8859_1);
    String[] lines = head.split("\r\n");
    int status = Integer.parseInt(lines[0].split(" ")[1]);
    Map<String, List<String>> headers = new LinkedHashMap<>();
    for (int i = 1; i < lines.length; i++) {
      int c = lines[i].indexOf(':');
      headers.computeIfAbsent(lines[i].substring(0, c).trim().toLowerCase(Locale.ROOT),
          k -> new ArrayList<>()).add(lines[i].substring(c + 1).trim());
    }
    byte[] rest = java.util.Arrays.copyOfRange(b, end + 4, b.length);
    if ("chunked".equalsIgnoreCase(headers.getOrDefault("transfer-encoding", List.of("")).get(0))) {
      rest = dechunk(rest);
    }
    return new Response(status, headers, rest);
  }

  private static byte[] dechunk(byte[] b) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    int i = 0;
    while (i < b.length) {
      int eol = indexOf(java.util.Arrays.copyOfRange(b, i, b.length), "\r\n".getBytes(
          StandardCharsets.US_ASCII)) + i;
      int size = Integer.parseInt(new String(b, i, eol - i, StandardCharsets.US_ASCII).trim(), 16);
      if (size == 0) {
        break;
      }
      out.write(b, eol + 2, size);
      i = eol + 2 + size + 2;
    }
    return out.toByteArray();
  }

  private static int indexOf(byte[] b, byte[] p) {
    outer:
    for (int i = 0; i + p.length <= b.length; i++) {
      for (int k = 0; k < p.length; k++) {
        if (b[i + k] != p[k]) {
          continue outer;
        }
      }
      return i;
    }
    throw new IllegalStateException("no end of headers in a response of " + b.length + " bytes");
  }
}
