package org.emrkit.editor.http;

import com.sun.net.httpserver.HttpExchange;

/**
 * What every request and response of {@link EditorServer} passes: the Origin check of a POST,
 * the security headers, the session cookie's attributes.
 */
final class Guard {

  private final boolean secure;

  Guard(boolean secure) {
    this.secure = secure;
  }

  /**
   * Whether a POST comes from this server's own pages: its Origin is this server (a browser
   * sends Origin with every POST; a request without one is refused), and the browser does not
   * call it cross-site.
   */
  boolean sameOrigin(HttpExchange x, String host) {
    String origin = x.getRequestHeaders().getFirst("Origin");
    String site = x.getRequestHeaders().getFirst("Sec-Fetch-Site");
    return origin != null && origin.equalsIgnoreCase((secure ? "https://" : "http://") + host)
        && (site == null || site.equals("same-origin"));
  }

  void securityHeaders(HttpExchange x, String nonce) {
    var h = x.getResponseHeaders();
    h.set("Content-Security-Policy", "default-src 'none'; script-src 'nonce-" + nonce + "';"
        + " style-src 'unsafe-inline'; img-src 'self' data:; connect-src 'self'; frame-src 'self';"
        + " form-action 'self'; frame-ancestors 'none'; base-uri 'none'");
    h.set("X-Content-Type-Options", "nosniff");
    h.set("X-Frame-Options", "DENY");
    // not no-referrer: Chrome then sends "Origin: null" with a form's POST, which the Origin
    // check must refuse
    h.set("Referrer-Policy", "same-origin");
    h.set("Cache-Control", "no-store");
    h.set("Cross-Origin-Opener-Policy", "same-origin");
    h.set("Cross-Origin-Resource-Policy", "same-origin");
    if (secure) {
      h.set("Strict-Transport-Security", "max-age=31536000");
    }
  }

  /** A response the editor's own page may show in a frame (the print preview), no other. */
  void framedBySelf(HttpExchange x) {
    var h = x.getResponseHeaders();
    h.set("Content-Security-Policy", "default-src 'none'; frame-ancestors 'self'; base-uri 'none'");
    h.set("X-Frame-Options", "SAMEORIGIN");
  }

  String cookie(String value, int maxAge) {
    return Sessions.COOKIE + "=" + value + "; Path=/; HttpOnly; SameSite=Strict"
        + (secure ? "; Secure" : "") + (maxAge >= 0 ? "; Max-Age=" + maxAge : "");
  }

  /**
   * The Host header values a server on {@code address}:{@code port} answers: its host names, and
   * the loopback names when it listens on loopback.
   */
  static java.util.Set<String> hosts(java.util.List<String> names, java.net.InetAddress address,
      int port) {
    java.util.Set<String> h = new java.util.HashSet<>();
    for (String name : names) {
      h.add(name + ":" + port);
    }
    if (address.isLoopbackAddress()) {
      h.add("127.0.0.1:" + port);
      h.add("localhost:" + port);
      h.add("[::1]:" + port);
    }
    return java.util.Set.copyOf(h);
  }
}
