package org.emrkit.examples;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** The CLI's arguments: options with a value, flags, and positionals. */
final class Args {
  private static final Set<String> WITH_VALUE = Set.of("-o", "--template", "--format", "--to",
      "--mode", "--watermark", "--printed-by", "--port", "--trust", "--crl", "--anchors",
      "--terminology", "--deductions",
      "--amendments", "--empty", "--font", "--print", "--from", "--pages", "--offset",
      "--printer", "--user", "--records", "--templates", "--out", "--formats", "--workers",
      "--now");
  private static final Set<String> FLAGS = Set.of("--chart", "--require-anchor", "--help",
      "--check-standard",
      "-h", "--version", "--blanks", "--no-draft-mark", "--hide-superseded");
  private final List<String[]> options = new ArrayList<>();
  private final List<String> positionals = new ArrayList<>();

  Args(String[] args) {
    for (int i = 0; i < args.length; i++) {
      String a = args[i];
      int eq = a.indexOf('=');
      if (a.startsWith("--") && eq > 0 && WITH_VALUE.contains(a.substring(0, eq))) {
        options.add(new String[] {a.substring(0, eq), a.substring(eq + 1)}); // --template=T
      } else if (WITH_VALUE.contains(a)) {
        if (i + 1 >= args.length) {
          throw new UsageException(a + " needs a value");
        }
        options.add(new String[] {a, args[++i]});
      } else if (FLAGS.contains(a)) {
        options.add(new String[] {a, "true"});
      } else if (a.startsWith("-") && a.length() > 1) {
        throw new UsageException("unknown option " + a + " (emrkit --help lists them)");
      } else {
        positionals.add(a);
      }
    }
  }

  String option(String name, String fallback) {
    String v = fallback;
    for (String[] o : options) {
      if (o[0].equals(name)) {
        v = o[1];
      }
    }
    return v;
  }

  List<String> options(String name) {
    List<String> out = new ArrayList<>();
    for (String[] o : options) {
      if (o[0].equals(name)) {
        out.add(o[1]);
      }
    }
    return out;
  }

  boolean flag(String name) {
    return option(name, null) != null;
  }

  String positional(int index, String what) {
    if (index >= positionals.size()) {
      throw new UsageException("missing " + what);
    }
    return positionals.get(index);
  }

  List<Path> positionals(int from) {
    List<Path> out = new ArrayList<>();
    for (int i = from; i < positionals.size(); i++) {
      out.add(Path.of(positionals.get(i)));
    }
    return out;
  }
}
