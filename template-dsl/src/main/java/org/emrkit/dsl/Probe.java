package org.emrkit.dsl;

import com.vladsch.flexmark.parser.Parser;

/** Probe. */
public final class Probe {
  private Probe() {}

  /** Probe. @return a parser */
  public static Parser parser() {
    return Parser.builder().build();
  }
}
