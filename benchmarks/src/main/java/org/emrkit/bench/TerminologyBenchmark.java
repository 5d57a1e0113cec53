package org.emrkit.bench;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.emrkit.codelists.CodeListSpec;
import org.emrkit.codelists.CodeLists;
import org.emrkit.codelists.Pinyin;
import org.emrkit.terminology.CodeEntry;
import org.emrkit.terminology.CodeTable;
import org.emrkit.terminology.Match;
import org.emrkit.terminology.Readings;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Search and loading over a 40,000-code list shaped like ICD-10 国家临床版 (codes {@code
 * A00.000}, names of 3 to 12 characters from 90 common ones, so a few letters match thousands of
 * names). {@code search} runs a fixed mix of 1,200 queries in turn, as typed into the editor: code
 * prefixes (I, I2, K35.8), 拼音 initials and full 拼音 of names in the list, Chinese text, and
 * queries that match nothing; sample mode gives the percentiles (p99 is the goal: under 1 ms).
 * {@code load} reads the list from CSV and indexes it with pinyin4j's readings. Run: {@code java
 * -jar benchmarks/target/benchmarks.jar TerminologyBenchmark}.
 */
@State(Scope.Benchmark)
@Fork(1)
@Threads(1)
public class TerminologyBenchmark {

  static final int CODES = 40_000;
  private static final String HAN = "心肺肝肾脑胃肠骨血管炎症癌瘤结石梗死出血感染综合征急慢性重度轻型"
      + "不稳定行长期伴有并发左右上下前后壁支气管动静脉硬化狭窄闭塞功能衰竭障碍损伤折脱位畸形囊肿息肉"
      + "溃疡穿孔颈椎腰间盘突出高压糖尿病甲状腺";

  private byte[] csv;
  private CodeTable table;
  private String[] queries;
  private int next;

  /** The list as CSV bytes, the table, and the query mix. */
  @Setup(Level.Trial)
  public void setUp() throws IOException {
    Random rnd = new Random(20261127L);
    StringBuilder b = new StringBuilder("编码,名称\n");
    Set<String> codes = new HashSet<>();
    while (codes.size() < CODES) {
      String code = (char) ('A' + rnd.nextInt(26)) + String.format("%02d.%03d", rnd.nextInt(100),
          rnd.nextInt(1000));
      if (codes.add(code)) {
        StringBuilder name = new StringBuilder();
        for (int k = 3 + rnd.nextInt(10); k > 0; k--) {
          name.append(HAN.charAt(rnd.nextInt(HAN.length())));
        }
        b.append(code).append(',').append(name).append('\n');
      }
    }
    csv = b.toString().getBytes(StandardCharsets.UTF_8);
    table = load();
    queries = queries(table, new Random(7));
    long matched = 0;
    for (String q : queries) {
      matched += table.search(q, 20).size();
    }
    System.out.printf("%n%d codes; %d queries, %.1f matches per query on average%n",
        table.size(), queries.length, matched / (double) queries.length);
  }

  private CodeTable load() throws IOException {
    return CodeLists.read(new ByteArrayInputStream(csv), "list.csv",
        CodeListSpec.of("synthetic|1", "synthetic 40,000"), Pinyin.readings()).table();
  }

  /** 1,200 queries: 200 each of code prefixes, initials, full 拼音, Chinese, 1–2 letters, misses. */
  static String[] queries(CodeTable t, Random rnd) {
    List<CodeEntry> all = t.entries();
    Readings py = Pinyin.readings();
    List<String> out = new ArrayList<>();
    for (int i = 0; i < 200; i++) {
      CodeEntry e = all.get(rnd.nextInt(all.size()));
      String name = e.name();
      int from = rnd.nextInt(Math.max(1, name.length() - 3));
      int to = Math.min(name.length(), from + 2 + rnd.nextInt(3));
      StringBuilder initials = new StringBuilder();
      StringBuilder full = new StringBuilder();
      for (int k = from; k < to; k++) {
        String[] r = py.of(name.charAt(k));
        initials.append(r[0].charAt(0));
        full.append(r[r.length - 1]);
      }
      out.add(e.code().substring(0, 1 + rnd.nextInt(Math.min(6, e.code().length()))));
      out.add(initials.toString());
      out.add(full.toString());
      out.add(name.substring(from, Math.min(to, from + 2)));
      out.add(initials.substring(0, 1 + rnd.nextInt(Math.min(2, initials.length()))));
      out.add("qqz" + (char) ('a' + rnd.nextInt(26)));
    }
    return out.toArray(String[]::new);
  }

  /** One query, the next of the mix, up to 20 matches (what the editor's list shows). */
  @Benchmark
  @BenchmarkMode(Mode.SampleTime)
  @OutputTimeUnit(TimeUnit.MICROSECONDS)
  @Warmup(iterations = 2, time = 3)
  @Measurement(iterations = 3, time = 5)
  public List<Match> search() {
    String q = queries[next];
    next = next + 1 == queries.length ? 0 : next + 1;
    return table.search(q, 20);
  }

  /** Reading the 40,000-row CSV and indexing it (pinyin4j readings included). */
  @Benchmark
  @BenchmarkMode(Mode.AverageTime)
  @OutputTimeUnit(TimeUnit.MILLISECONDS)
  @Warmup(iterations = 2, time = 5)
  @Measurement(iterations = 3, time = 5)
  public CodeTable load40k() throws IOException {
    return load();
  }
}
