package org.emrkit.codelists;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.emrkit.terminology.CodeSystemRef;
import org.emrkit.terminology.CodeTable;
import org.emrkit.terminology.InMemoryTerminology;

/**
 * A directory of code lists described by its {@code terminology.json}: which file is which
 * system and version and how its columns are laid out, which {@code @host:} value-set ids name
 * which list, and which names templates use for which list ({@code ICD-10} →
 * {@code icd10-clinical|2.0}). See {@code docs/terminology.md}. The CLI's {@code --terminology
 * DIR} and the demo editor load one.
 */
public final class TerminologyDirectory {

  /** The manifest's file name. */
  public static final String MANIFEST = "terminology.json";
  /** The largest manifest read. */
  public static final int MAX_MANIFEST_BYTES = 256 * 1024;
  /** The most lists a directory names. */
  public static final int MAX_LISTS = 200;
  /** The most codes, and file bytes, a directory's lists hold together. */
  public static final long MAX_TOTAL_CODES = 2_000_000;
  public static final long MAX_TOTAL_BYTES = 256L * 1024 * 1024;

  private static final Set<String> TOP = Set.of("lists", "valueSets", "aliases");
  private static final Set<String> LIST = Set.of("system", "title", "file", "code", "name",
      "synonyms", "synonymSeparator", "headerRows", "sheet", "encoding", "fullCodes",
      "skipBadRows");
  private static final ObjectMapper JSON = JsonMapper.builder()
      .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION).build();

  static {
    JSON.getFactory().setStreamReadConstraints(StreamReadConstraints.builder()
        .maxNestingDepth(16).maxStringLength(10_000).build());
  }

  private TerminologyDirectory() {}

  /** What a directory loaded: the service, and per file the load of each list that skipped rows. */
  public record Loaded(InMemoryTerminology terminology, Map<String, CodeLists.Loaded> skipped) {
    /** Copies. */
    public Loaded {
      skipped = Map.copyOf(skipped);
    }
  }

  /**
   * Loads {@code dir}. A bad manifest is an {@link IllegalArgumentException} naming the file
   * and the JSON pointer; a bad list is a {@link CodeListException} naming the file and rows.
   */
  public static Loaded load(Path dir) {
    Path manifest = dir.resolve(MANIFEST);
    JsonNode root;
    try {
      if (!Files.isRegularFile(manifest)) {
        throw new IllegalArgumentException(dir + " has no " + MANIFEST
            + " (术语目录缺少 terminology.json)");
      }
      if (Files.size(manifest) > MAX_MANIFEST_BYTES) {
        throw new IllegalArgumentException(manifest + ": larger than " + MAX_MANIFEST_BYTES
            + " bytes");
      }
      try (java.io.InputStream in = Files.newInputStream(manifest)) {
        root = JSON.readTree(in);
      }
      if (root == null) {
        root = com.fasterxml.jackson.databind.node.MissingNode.getInstance();
      }
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      // a size or depth bound has no location
      String where = e.getLocation() == null ? "" : ":" + e.getLocation().getLineNr() + ":"
          + e.getLocation().getColumnNr();
      throw new IllegalArgumentException(manifest + where + ": not JSON, or beyond its bounds: "
          + e.getOriginalMessage(), e);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException("cannot read " + manifest, e);
    }
    Manifest m = new Manifest(manifest);
    m.only(root, "", TOP);
    InMemoryTerminology.Builder b = InMemoryTerminology.builder().readings(Pinyin.readings());
    Map<String, CodeLists.Loaded> skipped = new java.util.LinkedHashMap<>();
    Map<String, CodeTable> loaded = lists(dir, root.path("lists"), m, b, skipped);
    m.refs(root.path("valueSets"), "/valueSets", loaded, (k, t) -> b.valueSet(k, t));
    m.refs(root.path("aliases"), "/aliases", loaded, (k, t) -> b.alias(k, t.ref()));
    return new Loaded(b.build(), skipped);
  }

  /** Loads each list the manifest names, within the directory's bounds. */
  private static Map<String, CodeTable> lists(Path dir, JsonNode lists, Manifest m,
      InMemoryTerminology.Builder b, Map<String, CodeLists.Loaded> skipped) {
    Map<String, CodeTable> loaded = new java.util.LinkedHashMap<>();
    long codes = 0;
    long bytes = 0;
    if (!lists.isArray() || lists.isEmpty() || lists.size() > MAX_LISTS) {
      throw m.error("/lists", "must list 1 to " + MAX_LISTS + " code lists");
    }
    for (int i = 0; i < lists.size(); i++) {
      String at = "/lists/" + i;
      JsonNode l = lists.get(i);
      m.only(l, at, LIST);
      CodeListSpec spec = m.spec(l, at);
      Path file = m.file(dir, l, at);
      try {
        bytes += Files.size(file);
      } catch (IOException e) {
        throw m.error(at + "/file", "cannot read " + file + ": " + e.getMessage());
      }
      if (bytes > MAX_TOTAL_BYTES) {
        throw m.error(at + "/file", "the lists together are larger than "
            + MAX_TOTAL_BYTES / 1024 / 1024 + " MB (编码表总量过大)");
      }
      CodeLists.Loaded r = CodeLists.read(file, spec);
      codes += r.table().size();
      if (codes > MAX_TOTAL_CODES) {
        throw m.error(at, "the lists together hold more than " + MAX_TOTAL_CODES
            + " codes (编码总数过多)");
      }
      if (loaded.put(spec.system().toString(), r.table()) != null) {
        throw m.error(at + "/system", spec.system() + " is listed twice");
      }
      b.system(r.table());
      if (r.skippedCount() > 0) {
        skipped.put(file.getFileName().toString(), r);
      }
    }
    return loaded;
  }

  /** Reads the manifest's members, naming the pointer of what is wrong. */
  private record Manifest(Path file) {

    IllegalArgumentException error(String pointer, String message) {
      return new IllegalArgumentException(file + " " + pointer + ": " + message);
    }

    void only(JsonNode node, String at, Set<String> names) {
      if (!node.isObject()) {
        throw error(at.isEmpty() ? "/" : at, "must be an object");
      }
      for (String n : (Iterable<String>) () -> node.fieldNames()) {
        if (!names.contains(n)) {
          throw error(at + "/" + n, "unknown member; expected one of " + new java.util.TreeSet<>(
              names));
        }
      }
    }

    String text(JsonNode l, String at, String name, String dflt) {
      JsonNode n = l.get(name);
      if (n == null) {
        if (dflt == null) {
          throw error(at + "/" + name, "is required");
        }
        return dflt;
      }
      if (!n.isTextual() || n.asText().isBlank()) {
        throw error(at + "/" + name, "must be a non-empty string");
      }
      return n.asText();
    }

    CodeListSpec spec(JsonNode l, String at) {
      List<String> synonyms = new ArrayList<>();
      JsonNode s = l.path("synonyms");
      if (!s.isMissingNode()) {
        if (!s.isArray() || s.size() > 10) {
          throw error(at + "/synonyms", "must be a list of up to 10 columns");
        }
        for (int i = 0; i < s.size(); i++) {
          if (!s.get(i).isTextual() || s.get(i).asText().isBlank()) {
            throw error(at + "/synonyms/" + i, "must be a non-empty string");
          }
          synonyms.add(s.get(i).asText());
        }
      }
      JsonNode h = l.path("headerRows");
      if (!h.isMissingNode() && (!h.canConvertToExactIntegral() || !h.canConvertToInt())) {
        throw error(at + "/headerRows", "must be a whole number 0 to "
            + CodeListSpec.MAX_HEADER_ROWS);
      }
      try {
        Charset cs = Charset.forName(text(l, at, "encoding", "UTF-8"));
        return new CodeListSpec(CodeSystemRef.parse(text(l, at, "system", null)),
            text(l, at, "title", null), text(l, at, "code", "A"), text(l, at, "name", "B"),
            synonyms, text(l, at, "synonymSeparator", "|"), h.asInt(1),
            l.has("sheet") ? text(l, at, "sheet", null) : null, cs,
            flag(l, at, "fullCodes", true), flag(l, at, "skipBadRows", false));
      } catch (java.nio.charset.IllegalCharsetNameException
          | java.nio.charset.UnsupportedCharsetException e) {
        throw error(at + "/encoding", "unknown encoding; use UTF-8 or GB18030");
      } catch (IllegalArgumentException e) {
        if (e.getMessage() != null && e.getMessage().startsWith(file.toString())) {
          throw e;
        }
        throw error(at, e.getMessage());
      }
    }

    boolean flag(JsonNode l, String at, String name, boolean dflt) {
      JsonNode n = l.get(name);
      if (n != null && !n.isBoolean()) {
        throw error(at + "/" + name, "must be true or false");
      }
      return n == null ? dflt : n.asBoolean();
    }

    Path file(Path dir, JsonNode l, String at) {
      String name = text(l, at, "file", null);
      Path p;
      try {
        p = dir.resolve(name).normalize();
        if (dir.getFileSystem().getPath(name).isAbsolute() || !p.startsWith(dir.normalize())) {
          throw error(at + "/file", "must name a file inside " + dir + ", not " + name);
        }
        if (!Files.isRegularFile(p)) {
          throw error(at + "/file", "no such file " + p);
        }
        // a link may not lead out of the directory either
        if (!p.toRealPath().startsWith(dir.toRealPath())) {
          throw error(at + "/file", "must name a file inside " + dir + "; " + name
              + " links to " + p.toRealPath());
        }
      } catch (java.nio.file.InvalidPathException e) {
        throw error(at + "/file", "not a file name: " + e.getReason());
      } catch (IOException e) {
        throw error(at + "/file", "cannot read " + name + ": " + e.getMessage());
      }
      return p;
    }

    void refs(JsonNode node, String at, Map<String, CodeTable> loaded,
        java.util.function.BiConsumer<String, CodeTable> put) {
      if (node.isMissingNode()) {
        return;
      }
      if (!node.isObject()) {
        throw error(at, "must be an object of name → system|version");
      }
      for (Map.Entry<String, JsonNode> e : node.properties()) {
        String p = at + "/" + e.getKey();
        CodeTable t = e.getValue().isTextual() ? loaded.get(e.getValue().asText()) : null;
        if (t == null) {
          throw error(p, "must name a listed system|version, one of " + loaded.keySet());
        }
        put.accept(e.getKey(), t);
      }
    }
  }
}
