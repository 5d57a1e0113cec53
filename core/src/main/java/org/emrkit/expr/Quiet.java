package org.emrkit.expr;

import org.apache.commons.logging.Log;

/**
 * The logger JEXL is given: it logs nothing (the engine is strict and not silent, so every
 * problem reaches the caller as an exception the evaluation carries), and JEXL does not ask
 * commons-logging for one (whose discovery starts a logging system a cold command does not
 * need). Package-private.
 */
final class Quiet implements Log {

  static final Quiet LOG = new Quiet();

  private Quiet() {}

  @Override
  public void debug(Object message) {}

  @Override
  public void debug(Object message, Throwable t) {}

  @Override
  public void error(Object message) {}

  @Override
  public void error(Object message, Throwable t) {}

  @Override
  public void fatal(Object message) {}

  @Override
  public void fatal(Object message, Throwable t) {}

  @Override
  public void info(Object message) {}

  @Override
  public void info(Object message, Throwable t) {}

  @Override
  public boolean isDebugEnabled() {
    return false;
  }

  @Override
  public boolean isErrorEnabled() {
    return false;
  }

  @Override
  public boolean isFatalEnabled() {
    return false;
  }

  @Override
  public boolean isInfoEnabled() {
    return false;
  }

  @Override
  public boolean isTraceEnabled() {
    return false;
  }

  @Override
  public boolean isWarnEnabled() {
    return false;
  }

  @Override
  public void trace(Object message) {}

  @Override
  public void trace(Object message, Throwable t) {}

  @Override
  public void warn(Object message) {}

  @Override
  public void warn(Object message, Throwable t) {}
}
