package org.emrkit.editor.http;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;
import org.emrkit.editor.Authenticator;
import org.emrkit.record.Actor;
import org.emrkit.record.Role;

/**
 * Users from a small file with salted PBKDF2-HMAC-SHA256 password hashes (the JDK's), for the
 * demo and for a host without single sign-on. One user a line:
 * {@code login:id:name:role:iterations:salt:hash} (salt and hash in Base64; {@code #} starts a
 * comment). Five wrong passwords for a login lock it for five minutes; an unknown login costs
 * as much time as a known one.
 */
public final class UserFile implements Authenticator {

  /** The iterations {@link #line} uses (OWASP's 2023 floor for PBKDF2-HMAC-SHA256 is 600,000). */
  public static final int ITERATIONS = 600_000;
  private static final int MAX_BYTES = 1024 * 1024;
  private static final int MAX_FAILURES = 5;
  private static final Duration LOCK = Duration.ofMinutes(5);
  private static final byte[] DUMMY_SALT = new byte[16];

  private record User(String login, Actor actor, int iterations, byte[] salt, byte[] hash) {}

  private record Failures(int count, Instant last) {
    /** Whether these failures still count at {@code now} (the last within the lock's time). */
    boolean current(Instant now) {
      return now.isBefore(last.plus(LOCK));
    }

    /** Whether they lock the login at {@code now}. */
    boolean lock(Instant now) {
      return count >= MAX_FAILURES && current(now);
    }
  }

  private final Map<String, User> byLogin;
  private final Map<String, User> byId;
  private final Map<String, Failures> failures = new ConcurrentHashMap<>();
  private final Clock clock;

  private UserFile(Map<String, User> byLogin, Clock clock) {
    this.byLogin = byLogin;
    this.byId = new LinkedHashMap<>();
    byLogin.values().forEach(u -> byId.put(u.actor().id(), u));
    this.clock = clock;
  }

  /** Reads a user file; a bad line is an error naming file and line. */
  public static UserFile read(Path file, Clock clock) throws IOException {
    if (Files.size(file) > MAX_BYTES) {
      throw new IOException(file + ": larger than " + MAX_BYTES + " bytes; not a user file");
    }
    return parse(Files.readString(file, StandardCharsets.UTF_8), file.toString(), clock);
  }

  /** Parses user-file text; {@code source} names it in errors. */
  public static UserFile parse(String text, String source, Clock clock) {
    Map<String, User> users = new LinkedHashMap<>();
    String[] lines = text.split("\n", -1);
    for (int i = 0; i < lines.length; i++) {
      String line = lines[i].strip();
      if (line.isEmpty() || line.startsWith("#")) {
        continue;
      }
      String[] f = line.split(":", -1);
      String where = source + ":" + (i + 1) + ": ";
      if (f.length != 7) {
        throw new IllegalArgumentException(where + "expected login:id:name:role:iterations:salt:hash");
      }
      Role role = Role.fromLabel(f[3]);
      if (role == null) {
        throw new IllegalArgumentException(where + "unknown role " + f[3]);
      }
      try {
        User u = new User(f[0], new Actor(f[1], f[2], role), Integer.parseInt(f[4]),
            Base64.getDecoder().decode(f[5]), Base64.getDecoder().decode(f[6]));
        if (users.putIfAbsent(u.login(), u) != null) {
          throw new IllegalArgumentException(where + "login " + u.login() + " appears twice");
        }
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException(where + "iterations is not a number", e);
      }
    }
    return new UserFile(users, clock);
  }

  /** A line for the file: the user with a fresh salt and the password's hash. */
  public static String line(String login, Actor actor, char[] password, int iterations) {
    byte[] salt = new byte[16];
    new SecureRandom().nextBytes(salt);
    Base64.Encoder b64 = Base64.getEncoder();
    return String.join(":", login, actor.id(), actor.name(), actor.role().label(),
        Integer.toString(iterations), b64.encodeToString(salt),
        b64.encodeToString(hash(password, salt, iterations)));
  }

  @Override
  public Optional<Actor> authenticate(String login, char[] password) {
    User u = byLogin.get(login);
    if (u == null) {
      hash(password, DUMMY_SALT, ITERATIONS); // as slow as a known login
      return Optional.empty();
    }
    return check(u, password) ? Optional.of(u.actor()) : Optional.empty();
  }

  @Override
  public boolean confirm(Actor actor, char[] password) {
    User u = byId.get(actor.id());
    return u != null && u.actor().equals(actor) && check(u, password);
  }

  @Override
  public boolean locked(Actor actor) {
    User u = byId.get(actor.id());
    Failures f = u == null ? null : failures.get(u.login());
    return f != null && f.lock(clock.instant());
  }

  /**
   * Each attempt is counted as a failure before its hash is computed, and forgiven when the
   * password is right: twenty attempts at once were all checked (the failures were counted
   * after each three-second hash), so a lock of five was no lock. A locked login costs the same
   * hash as an open one, or its quick answer would tell that the login exists.
   */
  private boolean check(User u, char[] password) {
    Instant now = clock.instant();
    boolean[] open = {false};
    failures.compute(u.login(), (login, f) -> {
      if (f == null || !f.current(now)) {
        open[0] = true;
        return new Failures(1, now);
      }
      if (f.lock(now)) {
        return f; // locked: not counted again, so the lock ends five minutes after it began
      }
      open[0] = true;
      return new Failures(f.count() + 1, now);
    });
    byte[] computed = hash(password, u.salt(), u.iterations());
    if (!open[0]) {
      return false;
    }
    boolean ok = MessageDigest.isEqual(u.hash(), computed);
    if (ok) {
      failures.remove(u.login());
    }
    return ok;
  }

  private static byte[] hash(char[] password, byte[] salt, int iterations) {
    PBEKeySpec spec = new PBEKeySpec(password, salt, iterations, 256);
    try {
      return SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256").generateSecret(spec)
          .getEncoded();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("the JDK has no PBKDF2WithHmacSHA256", e);
    } finally {
      spec.clearPassword();
    }
  }
}
