package org.emrkit.editor.http;

import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Comparator;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.emrkit.record.Actor;

/**
 * Logged-in sessions held on the server: a random id in an HttpOnly, SameSite=Strict cookie
 * names the session, and the session names the actor; a request never does. Each session has
 * its own CSRF token. Sessions end after being idle, after a working day, or at log-out; a new
 * one is made at every log-in (no fixation).
 */
final class Sessions {

  static final String COOKIE = "emrkit_session";

  /** One logged-in user. */
  record Session(String id, Actor actor, String csrf, Instant started, Instant seen) {}

  private final Map<String, Session> sessions = new ConcurrentHashMap<>();
  private final SecureRandom random = new SecureRandom();
  private final Clock clock;
  private final Duration idle;
  private final Duration longest;
  private final int max;

  Sessions(Clock clock, Duration idle, Duration longest, int max) {
    this.clock = clock;
    this.idle = idle;
    this.longest = longest;
    this.max = max;
  }

  /** A new session for the actor; the oldest goes when there are too many. */
  Session start(Actor actor) {
    Instant now = clock.instant();
    sessions.values().removeIf(s -> expired(s, now));
    while (sessions.size() >= max) {
      sessions.values().stream().min(Comparator.comparing(Session::seen))
          .ifPresent(s -> sessions.remove(s.id()));
    }
    Session s = new Session(token(), actor, token(), now, now);
    sessions.put(s.id(), s);
    return s;
  }

  /** The live session the request's cookie names, touched; or empty. */
  Optional<Session> find(String cookieHeader) {
    String id = cookie(cookieHeader);
    if (id == null) {
      return Optional.empty();
    }
    Instant now = clock.instant();
    Session s = sessions.get(id);
    if (s == null || expired(s, now)) {
      if (s != null) {
        sessions.remove(id);
      }
      return Optional.empty();
    }
    Session touched = new Session(s.id(), s.actor(), s.csrf(), s.started(), now);
    sessions.replace(id, s, touched);
    return Optional.of(touched);
  }

  /** Ends a session. */
  void end(Session s) {
    sessions.remove(s.id());
  }

  /** Whether a posted CSRF token is the session's (compared in constant time). */
  static boolean csrf(Session s, String posted) {
    return posted != null && MessageDigest.isEqual(s.csrf().getBytes(
        java.nio.charset.StandardCharsets.US_ASCII), posted.getBytes(
        java.nio.charset.StandardCharsets.US_ASCII));
  }

  private boolean expired(Session s, Instant now) {
    return now.isAfter(s.seen().plus(idle)) || now.isAfter(s.started().plus(longest));
  }

  private String token() {
    byte[] b = new byte[32];
    random.nextBytes(b);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
  }

  private static String cookie(String header) {
    if (header == null) {
      return null;
    }
    for (String part : header.split(";")) {
      String p = part.strip();
      if (p.startsWith(COOKIE + "=")) {
        return p.substring(COOKIE.length() + 1);
      }
    }
    return null;
  }
}
