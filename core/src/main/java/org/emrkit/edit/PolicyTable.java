package org.emrkit.edit;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.emrkit.record.RecordStatus;
import org.emrkit.record.Role;

/**
 * A {@link PermissionPolicy} read from a declarative table: each row grants one action; a request
 * is allowed when some row matches it. One row per line, columns separated by white space, lists
 * inside a column by commas, {@code #} starts a comment:
 *
 * <pre>
 * # action  documents  statuses      roles                    whose          sections  window
 * amend     nursing    draft,signed  nurse                    any            *         24h
 * </pre>
 *
 * <ul>
 *   <li>{@code action}: {@code write}, {@code amend}, {@code sign}, {@code review},
 *       {@code archive}.
 *   <li>{@code documents}: {@code *}; {@code medical} (any document type not starting with
 *       {@code nursing}); {@code nursing}; or document type ids.
 *   <li>{@code statuses}: {@code draft}, {@code signed}, {@code archived} or {@code *}.
 *   <li>{@code roles}: role labels ({@code intern} ... {@code admin}) or {@code *}.
 *   <li>{@code whose}: {@code own} (the actor is the record's author), {@code own-or-junior}
 *       (or the author's rank is lower than the actor's), {@code any}.
 *   <li>{@code sections}: {@code *} or section ids; the path must lie in one of them.
 *   <li>{@code window}: {@code -} or a duration ({@code 24h}, {@code 7d}) from the request's
 *       {@code since} (for amend: the covering signature; for review: the first signature).
 * </ul>
 */
public final class PolicyTable implements PermissionPolicy {

  /** Whose record a row applies to. */
  enum Whose { OWN, OWN_OR_JUNIOR, ANY }

  /** One parsed row. */
  record Row(int line, EditAction action, Set<String> documents, Set<RecordStatus> statuses,
      Set<Role> roles, Whose whose, Set<String> sections, Duration window) {}

  static final Map<EditAction, String> ACTION_ZH = Map.of(EditAction.WRITE, "书写",
      EditAction.AMEND, "修改已签名内容", EditAction.SIGN, "签名", EditAction.REVIEW, "审签",
      EditAction.ARCHIVE, "归档");

  private static final PolicyTable DEFAULTS = load("default-policy.tsv");

  private final String source;
  private final List<Row> rows;

  private PolicyTable(String source, List<Row> rows) {
    this.source = source;
    this.rows = List.copyOf(rows);
  }

  /** The default table ({@code org/emrkit/edit/default-policy.tsv}). */
  public static PolicyTable defaults() {
    return DEFAULTS;
  }

  /**
   * Parses a table.
   *
   * @param source a name for messages (e.g. the file name)
   * @param text the table
   * @throws IllegalArgumentException naming {@code source:line} for a bad row
   */
  public static PolicyTable parse(String source, String text) {
    List<Row> rows = new ArrayList<>();
    String[] lines = text.split("\n", -1);
    for (int i = 0; i < lines.length; i++) {
      String line = lines[i];
      int hash = line.indexOf('#');
      if (hash >= 0) {
        line = line.substring(0, hash);
      }
      if (line.isBlank()) {
        continue;
      }
      String[] cols = line.trim().split("\\s+");
      String at = source + ":" + (i + 1) + ": ";
      if (cols.length != 7) {
        throw new IllegalArgumentException(at + "expected 7 columns (action documents statuses "
            + "roles whose sections window), found " + cols.length);
      }
      rows.add(row(at, i + 1, cols));
    }
    return new PolicyTable(source, rows);
  }

  private static Row row(String at, int line, String[] cols) {
    EditAction action = EditAction.fromLabel(cols[0]);
    if (action == null) {
      throw new IllegalArgumentException(at + "unknown action " + cols[0]);
    }
    Set<RecordStatus> statuses = EnumSet.noneOf(RecordStatus.class);
    for (String s : cols[2].split(",")) {
      if (s.equals("*")) {
        statuses.addAll(EnumSet.allOf(RecordStatus.class));
      } else if (RecordStatus.fromLabel(s) == null) {
        throw new IllegalArgumentException(at + "unknown status " + s);
      } else {
        statuses.add(RecordStatus.fromLabel(s));
      }
    }
    Set<Role> roles = EnumSet.noneOf(Role.class);
    for (String r : cols[3].split(",")) {
      if (r.equals("*")) {
        roles.addAll(EnumSet.allOf(Role.class));
      } else if (Role.fromLabel(r) == null) {
        throw new IllegalArgumentException(at + "unknown role " + r);
      } else {
        roles.add(Role.fromLabel(r));
      }
    }
    Whose whose = switch (cols[4]) {
      case "own" -> Whose.OWN;
      case "own-or-junior" -> Whose.OWN_OR_JUNIOR;
      case "any" -> Whose.ANY;
      default -> throw new IllegalArgumentException(at + "whose must be own, own-or-junior or any, "
          + "was " + cols[4]);
    };
    return new Row(line, action, Set.of(cols[1].split(",")), statuses, roles, whose,
        Set.of(cols[5].split(",")), window(at, cols[6]));
  }

  private static Duration window(String at, String text) {
    if (text.equals("-")) {
      return null;
    }
    if (text.matches("[1-9]\\d{0,4}[hd]")) {
      long n = Long.parseLong(text.substring(0, text.length() - 1));
      return text.endsWith("h") ? Duration.ofHours(n) : Duration.ofDays(n);
    }
    throw new IllegalArgumentException(at + "window must be - or a duration like 24h or 7d, was "
        + text);
  }

  private static PolicyTable load(String resource) {
    try (InputStream in = PolicyTable.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("missing resource " + resource);
      }
      return parse(resource, new String(in.readAllBytes(), StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The rows, in table order (for documentation and tests). */
  List<Row> rows() {
    return rows;
  }

  @Override
  public Optional<Refusal> decide(Request r) {
    Row outOfWindow = null;
    for (Row row : rows) {
      if (row.action() == r.action() && documents(row, r.documentType())
          && row.statuses().contains(r.status()) && row.roles().contains(r.actor().role())
          && whose(row, r) && sections(row, r)) {
        if (row.window() == null || r.since() == null
            || !r.now().isAfter(r.since().plus(row.window()))) {
          return Optional.empty();
        }
        outOfWindow = row;
      }
    }
    String who = r.actor().role().title() + r.actor().name();
    String where = r.path().isEmpty() ? "" : "(" + r.path() + ")";
    if (outOfWindow != null) {
      Duration w = outOfWindow.window();
      boolean days = w.toHours() % 24 == 0 && w.toHours() > 48;
      String span = days ? w.toDays() + " 天" : w.toHours() + " 小时";
      String spanEn = days ? w.toDays() + " days" : w.toHours() + " hours";
      return Optional.of(new Refusal("edit/time-window", r.path(),
          who + "只能在签名后 " + span + "内" + ACTION_ZH.get(r.action()) + where,
          r.actor().role().label() + " " + r.actor().name() + " may " + r.action().label()
              + " only within " + spanEn + " of signing" + where));
    }
    return Optional.of(new Refusal("edit/permission", r.path(),
        who + "无权在病历" + r.status().title() + "状态下" + ACTION_ZH.get(r.action())
            + (r.documentType() == null ? "" : "(" + r.documentType() + ")") + where,
        r.actor().role().label() + " " + r.actor().name() + " may not " + r.action().label()
            + " a " + r.status().label() + " record"
            + (r.documentType() == null ? "" : " of type " + r.documentType()) + where
            + " (" + source + ")"));
  }

  private static boolean documents(Row row, String documentType) {
    if (row.documents().contains("*")) {
      return true;
    }
    boolean nursing = documentType != null && documentType.startsWith("nursing");
    return row.documents().contains(nursing ? "nursing" : "medical")
        || (documentType != null && row.documents().contains(documentType));
  }

  private static boolean whose(Row row, Request r) {
    return switch (row.whose()) {
      case ANY -> true;
      case OWN -> r.own();
      case OWN_OR_JUNIOR -> r.own() || (r.author() != null
          && r.author().role().rank() < r.actor().role().rank());
    };
  }

  private static boolean sections(Row row, Request r) {
    if (row.sections().contains("*")) {
      return true;
    }
    return r.sections().stream().anyMatch(row.sections()::contains);
  }

  @Override
  public String toString() {
    return "PolicyTable[" + source + ", " + rows.size() + " rows]";
  }
}
