package org.emrkit.validation;

import java.math.BigDecimal;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReferenceArray;
import org.emrkit.expr.ExpressionEngine;
import org.emrkit.problem.Message;
import org.emrkit.problem.Severity;
import org.emrkit.record.Chart;
import org.emrkit.record.Record;
import org.emrkit.record.Value;
import org.emrkit.template.Field;
import org.emrkit.template.PerTemplate;
import org.emrkit.template.PerTemplate.Same;
import org.emrkit.template.Template;
import org.emrkit.terminology.TerminologyService;

/**
 * Runs rule packs over records and returns a {@link ValidationReport}; never throws for a bad
 * record. Built once with {@link #builder()}; immutable and thread-safe.
 *
 * <pre>{@code
 * Validator v = Validator.builder()
 *     .pack(FieldRules.pack()).pack(WritingStandardRules.pack())
 *     .terminology(hostTerminology).clock(Clock.systemDefaultZone()).build();
 * ValidationReport r = v.validate(template, record);
 * }</pre>
 */
public final class Validator {

  private final List<Rule> rules;
  /** How each rule reports, by its place in {@link #rules}; {@code null} when it is disabled. */
  private final Settings[] settings;
  /** The enabled field rules, in the order they run, and how each reports. */
  private final List<FieldRule> fieldRules = new ArrayList<>();
  private final List<Settings> fieldSettings = new ArrayList<>();
  /** Which of them apply to each field of a template and kind of value (their appliesTo). */
  private final PerTemplate<Plan> plans = new PerTemplate<>(t -> new Plan());
  private final TerminologyService terminology;
  private final Clock clock;
  private final ValidatorOptions options;
  private final ExpressionEngine expressions = ExpressionEngine.create();

  private Validator(Builder b) {
    this.rules = List.copyOf(b.rules);
    this.terminology = b.terminology;
    this.clock = b.clock;
    this.options = b.options;
    for (String code : options.overrides().keySet()) {
      if (rules.stream().noneMatch(r -> r.code().equals(code))) {
        throw new IllegalArgumentException("the options change rule " + code
            + ", which this validator does not run (没有规则 " + code + ")");
      }
    }
    this.settings = new Settings[rules.size()];
    for (int k = 0; k < rules.size(); k++) {
      Rule rule = rules.get(k);
      if (enabled(rule)) {
        settings[k] = settings(rule);
        if (rule instanceof FieldRule r) {
          fieldRules.add(r);
          fieldSettings.add(settings[k]);
        }
      }
    }
  }

  /** A builder: no rules, no host terminology, the system clock, default options. */
  public static Builder builder() {
    return new Builder();
  }

  /** The rules, in the order they run. */
  public List<Rule> rules() {
    return rules;
  }

  /** Validates one record filled from {@code template}. */
  public ValidationReport validate(Template template, Record record) {
    Objects.requireNonNull(template, "template");
    Objects.requireNonNull(record, "record");
    RecordContext context = context(template, record);
    List<Finding> findings = new ArrayList<>();
    check(context, "", findings);
    return report(findings);
  }

  /**
   * Runs the record rules on one record: the field rules first, all in one pass over the fields
   * ({@link FieldRule}), then the others; findings in the order of the rules either way.
   */
  private void check(RecordContext context, String prefix, List<Finding> findings) {
    int n = fieldRules.size();
    // each field rule's findings apart (a list made at its first), put in rule order after
    Reporting[] reporters = new Reporting[n];
    boolean[] failed = new boolean[n];
    for (int i = 0; i < n; i++) {
      reporters[i] = new Reporting(fieldSettings.get(i), prefix, null);
    }
    Plan plan = plans.get(context.template());
    for (FieldValue f : context.fields()) {
      if (!f.active()) {
        continue;
      }
      for (int i : plan.rules(f.field(), f.kind())) {
        if (!failed[i]) {
          try {
            fieldRules.get(i).check(f, context, reporters[i]);
          } catch (RuntimeException e) {
            failed[i] = true; // as a rule run alone stops at its first failure
            reporters[i].add(failure(fieldSettings.get(i), prefix, e));
          }
        }
      }
    }
    int next = 0;
    for (int k = 0; k < rules.size(); k++) {
      Rule rule = rules.get(k);
      if (settings[k] == null) {
        continue;
      }
      if (rule instanceof FieldRule) {
        List<Finding> found = reporters[next++].findings;
        if (found != null) {
          findings.addAll(found);
        }
      } else if (rule instanceof RecordRule r) {
        run(settings[k], prefix, findings, rep -> r.check(context, rep));
      }
    }
  }

  /**
   * The field rules that apply to each field of one template and each kind of value it may hold,
   * by index, worked out at the first occurrence of both: a field is checked by two or three of
   * the ten built-in field rules, and calling all ten for each of a record's fields was a fifth
   * of a validation.
   */
  private final class Plan {
    /** More fields than a template has: beyond it, a field's rules are worked out each time. */
    private static final int LIMIT = 4096;
    /** The kinds of value, in the order of the slots (none first; text and numbers most often). */
    private static final List<Class<? extends Value>> KINDS = Arrays.asList(null, Value.Str.class,
        Value.Num.class, Value.Coded.class, Value.Choices.class, Value.DateTime.class,
        Value.Date.class, Value.Time.class, Value.Bool.class, Value.Signed.class,
        Value.Rows.class);
    private final Map<Same<Field>, AtomicReferenceArray<int[]>> rules =
        new ConcurrentHashMap<>();

    int[] rules(Field field, Class<? extends Value> kind) {
      int slot = KINDS.indexOf(kind);
      if (slot < 0) {
        return applying(field, kind); // a kind of value not listed: not kept
      }
      AtomicReferenceArray<int[]> byKind = rules.get(new Same<>(field));
      if (byKind == null) {
        byKind = new AtomicReferenceArray<>(KINDS.size());
        if (rules.size() < LIMIT) {
          AtomicReferenceArray<int[]> kept = rules.putIfAbsent(new Same<>(field), byKind);
          byKind = kept != null ? kept : byKind;
        }
      }
      int[] r = byKind.get(slot);
      if (r == null) {
        r = applying(field, kind);
        byKind.set(slot, r); // the same for every thread that works it out
      }
      return r;
    }

    private int[] applying(Field field, Class<? extends Value> kind) {
      int[] r = new int[fieldRules.size()];
      int n = 0;
      for (int i = 0; i < r.length; i++) {
        if (applies(fieldRules.get(i), field, kind)) {
          r[n++] = i;
        }
      }
      return Arrays.copyOf(r, n);
    }

    /** A (host's) rule whose {@code appliesTo} fails is asked to check: its failure shows. */
    private static boolean applies(FieldRule rule, Field field, Class<? extends Value> kind) {
      try {
        return rule.appliesTo(field, kind);
      } catch (RuntimeException e) {
        return true;
      }
    }
  }

  /** Validates all records of one encounter: each record's rules, then the chart rules. */
  public ValidationReport validate(Chart chart) {
    Objects.requireNonNull(chart, "chart");
    List<RecordContext> contexts = new ArrayList<>();
    List<Finding> findings = new ArrayList<>();
    for (int i = 0; i < chart.entries().size(); i++) {
      Chart.Entry e = chart.entries().get(i);
      RecordContext context = context(e.template(), e.record());
      contexts.add(context);
      check(context, "/records/" + i, findings);
    }
    ChartContext chartContext = new ChartContext(chart, contexts, clock);
    for (int k = 0; k < rules.size(); k++) {
      if (rules.get(k) instanceof ChartRule r && settings[k] != null) {
        run(settings[k], "", findings, rep -> r.check(chartContext, rep));
      }
    }
    return report(findings);
  }

  /** Checks a template alone (for template authors), e.g. {@code cn/template-missing-item}. */
  public ValidationReport checkTemplate(Template template) {
    Objects.requireNonNull(template, "template");
    List<Finding> findings = new ArrayList<>();
    for (int k = 0; k < rules.size(); k++) {
      if (rules.get(k) instanceof TemplateRule r && settings[k] != null) {
        run(settings[k], "", findings, rep -> r.check(template, rep));
      }
    }
    return report(findings);
  }

  private RecordContext context(Template template, Record record) {
    return new RecordContext(template, record, clock, terminology, expressions);
  }

  private boolean enabled(Rule rule) {
    RuleOverride o = options.overrides().get(rule.code());
    return o == null || !o.disabled();
  }

  private interface Check {
    void run(Reporter reporter);
  }

  private static void run(Settings settings, String prefix, List<Finding> findings,
      Check check) {
    try {
      check.run(new Reporting(settings, prefix, findings));
    } catch (RuntimeException e) {
      // a faulty (host) rule must not hide the other rules' findings; report it instead
      findings.add(failure(settings, prefix, e));
    }
  }

  private static Finding failure(Settings settings, String prefix, RuntimeException e) {
    String code = settings.info().code();
    return new Finding("engine/rule-failed", Severity.ERROR, prefix, new Message(
        "规则 " + code + " 执行失败：" + e, "rule " + code + " failed: " + e), BigDecimal.ZERO,
        false);
  }

  /** A rule with this validator's overrides: what its findings carry. */
  private record Settings(RuleInfo info, Severity severity, BigDecimal deduction, boolean veto,
      Map<String, String> parameters) {}

  private Settings settings(Rule rule) {
    RuleInfo info = rule.info();
    RuleOverride o = options.overrides().get(info.code());
    return new Settings(info, o != null && o.severity() != null ? o.severity() : info.severity(),
        o != null && o.deduction() != null ? o.deduction() : info.deduction(),
        o != null && o.veto() != null ? o.veto() : info.veto(),
        o == null ? Map.of() : o.parameters());
  }

  /**
   * A rule's reporter for one record (of a chart: {@code prefix} is where it lies), adding to
   * {@code findings}, or to a list of its own made at its first finding when given none.
   */
  private static final class Reporting implements Reporter {
    private final Settings s;
    private final String prefix;
    private List<Finding> findings;

    Reporting(Settings s, String prefix, List<Finding> findings) {
      this.s = s;
      this.prefix = prefix;
      this.findings = findings;
    }

    void add(Finding f) {
      if (findings == null) {
        findings = new ArrayList<>();
      }
      findings.add(f);
    }

    @Override
    public void report(String path, Message message) {
      add(new Finding(s.info().code(), s.severity(), at(path), message,
          s.severity() == Severity.INFO ? BigDecimal.ZERO : s.deduction(), s.veto()));
    }

    @Override
    public void reportVeto(String path, Message message) {
      add(new Finding(s.info().code(), s.severity(), at(path), message, s.deduction(), true));
    }

    /** The path below the chart's record, or the path itself for one record (not a copy). */
    private String at(String path) {
      return prefix.isEmpty() && path != null ? path : prefix + path;
    }

    @Override
    public String parameter(String name) {
      String v = s.parameters().get(name);
      if (v == null) {
        v = s.info().parameters().get(name);
      }
      if (v == null) {
        throw new IllegalArgumentException("rule " + s.info().code() + " has no parameter "
            + name);
      }
      return v;
    }
  }

  private ValidationReport report(List<Finding> findings) {
    BigDecimal deducted = BigDecimal.ZERO;
    boolean veto = false;
    int yiLevel = 0;
    for (Finding f : findings) {
      deducted = deducted.add(f.deduction());
      veto |= f.veto();
      if (options.yiLevelRules().contains(f.code())) {
        yiLevel++;
      }
    }
    BigDecimal score = BigDecimal.valueOf(100).subtract(deducted).max(BigDecimal.ZERO);
    Grade grade;
    if (veto) {
      grade = Grade.BING;
    } else if (score.compareTo(options.jiaThreshold()) >= 0) {
      grade = yiLevel >= 2 ? Grade.YI : Grade.JIA;
    } else if (score.compareTo(options.yiThreshold()) >= 0) {
      grade = Grade.YI;
    } else {
      grade = Grade.BING;
    }
    return new ValidationReport(findings, score, grade);
  }

  /** Configures a validator. Not thread-safe. */
  public static final class Builder {
    private final List<Rule> rules = new ArrayList<>();
    private TerminologyService terminology = TerminologyService.none();
    private Clock clock = Clock.systemDefaultZone();
    private ValidatorOptions options = ValidatorOptions.DEFAULT;

    private Builder() {}

    /** Adds a pack: its rules run in order, after those already added. */
    public Builder pack(List<? extends Rule> pack) {
      pack.forEach(this::rule);
      return this;
    }

    /** Adds one rule (a host's own, for example). Codes must be unique. */
    public Builder rule(Rule rule) {
      Objects.requireNonNull(rule, "rule");
      if (rules.stream().anyMatch(r -> r.code().equals(rule.code()))) {
        throw new IllegalArgumentException("two rules with code " + rule.code());
      }
      rules.add(rule);
      return this;
    }

    /** Sets the host's terminology service. */
    public Builder terminology(TerminologyService terminology) {
      this.terminology = Objects.requireNonNull(terminology, "terminology");
      return this;
    }

    /** Sets the clock ({@code now()} in expressions). */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /** Sets thresholds and overrides. */
    public Builder options(ValidatorOptions options) {
      this.options = Objects.requireNonNull(options, "options");
      return this;
    }

    /** The validator. */
    public Validator build() {
      return new Validator(this);
    }
  }
}
