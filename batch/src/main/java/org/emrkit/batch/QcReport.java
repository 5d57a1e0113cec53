package org.emrkit.batch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.beam.sdk.transforms.Combine;

/**
 * The quality-control report (终末质控) of a run, combined from the manifest entries: the grade
 * distribution and mean score overall and per department, per author and per document type, the
 * rule codes found most often, and the 丙 records. Combines in any order and split (Beam's
 * combiner), so it runs the same on one machine and on a cluster.
 */
final class QcReport extends Combine.CombineFn<String, QcReport.Tally, String> {

  private static final long serialVersionUID = 1L;
  private static final ObjectMapper JSON = new ObjectMapper();
  static final List<String> GRADES = List.of("甲", "乙", "丙");

  /** Counts for one group (or all records): records per grade and the sum of scores. */
  static final class Group implements Serializable {
    private static final long serialVersionUID = 1L;
    final TreeMap<String, Long> grades = new TreeMap<>();
    BigDecimal scores = BigDecimal.ZERO;
    long records;

    void add(String grade, BigDecimal score) {
      grades.merge(grade, 1L, Long::sum);
      scores = scores.add(score);
      records++;
    }

    void merge(Group g) {
      g.grades.forEach((k, v) -> grades.merge(k, v, Long::sum));
      scores = scores.add(g.scores);
      records += g.records;
    }
  }

  /** The accumulator. */
  static final class Tally implements Serializable {
    private static final long serialVersionUID = 1L;
    final Group all = new Group();
    final TreeMap<String, Group> departments = new TreeMap<>();
    final TreeMap<String, Group> authors = new TreeMap<>();
    final TreeMap<String, Group> documentTypes = new TreeMap<>();
    final TreeMap<String, Long> codes = new TreeMap<>();
    final ArrayList<String> third = new ArrayList<>();
  }

  @Override
  public Tally createAccumulator() {
    return new Tally();
  }

  @Override
  public Tally addInput(Tally t, String manifestLine) {
    JsonNode e = read(manifestLine);
    String grade = e.path("grade").asText();
    BigDecimal score = e.path("score").decimalValue();
    t.all.add(grade, score);
    t.departments.computeIfAbsent(e.path("department").asText(), k -> new Group())
        .add(grade, score);
    t.authors.computeIfAbsent(e.path("author").asText(), k -> new Group()).add(grade, score);
    t.documentTypes.computeIfAbsent(e.path("title").asText(), k -> new Group())
        .add(grade, score);
    for (JsonNode c : e.path("codes")) {
      t.codes.merge(c.asText(), 1L, Long::sum);
    }
    if (grade.equals("丙")) {
      ObjectNode r = JSON.createObjectNode();
      for (String f : List.of("record", "title", "department", "author", "patient", "source")) {
        r.put(f, e.path(f).asText());
      }
      r.put("score", score);
      t.third.add(r.toString());
    }
    return t;
  }

  @Override
  public Tally mergeAccumulators(Iterable<Tally> tallies) {
    Tally out = new Tally();
    for (Tally t : tallies) {
      out.all.merge(t.all);
      mergeGroups(out.departments, t.departments);
      mergeGroups(out.authors, t.authors);
      mergeGroups(out.documentTypes, t.documentTypes);
      t.codes.forEach((k, v) -> out.codes.merge(k, v, Long::sum));
      out.third.addAll(t.third);
    }
    return out;
  }

  private static void mergeGroups(Map<String, Group> into, Map<String, Group> from) {
    from.forEach((k, g) -> into.computeIfAbsent(k, x -> new Group()).merge(g));
  }

  @Override
  public String extractOutput(Tally t) {
    ObjectNode r = JSON.createObjectNode();
    r.set("all", group(t.all));
    r.set("departments", groups(t.departments));
    r.set("authors", groups(t.authors));
    r.set("documentTypes", groups(t.documentTypes));
    ArrayNode codes = r.putArray("codes");
    t.codes.entrySet().stream()
        .sorted(Map.Entry.<String, Long>comparingByValue().reversed()
            .thenComparing(Map.Entry.comparingByKey()))
        .limit(20).forEach(c -> codes.addObject().put("code", c.getKey()).put("count", c.getValue()));
    ArrayNode third = r.putArray("third");
    t.third.stream().map(QcReport::read).sorted(Comparator.comparing(
        (JsonNode n) -> n.path("record").asText())).forEach(third::add);
    return r.toString();
  }

  private static ObjectNode groups(Map<String, Group> groups) {
    ObjectNode o = JSON.createObjectNode();
    groups.forEach((k, g) -> o.set(k, group(g)));
    return o;
  }

  private static ObjectNode group(Group g) {
    ObjectNode o = JSON.createObjectNode().put("records", g.records);
    ObjectNode grades = o.putObject("grades");
    for (String grade : GRADES) {
      grades.put(grade, g.grades.getOrDefault(grade, 0L));
    }
    o.put("meanScore", g.records == 0 ? BigDecimal.ZERO
        : g.scores.divide(BigDecimal.valueOf(g.records), 1, RoundingMode.HALF_UP));
    return o;
  }

  static JsonNode read(String json) {
    try {
      return JSON.readTree(json);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
