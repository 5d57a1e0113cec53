package org.emrkit.codelists;

import org.emrkit.problem.Message;

/**
 * A row of a code list that could not be read.
 *
 * @param row the row number as the spreadsheet shows it (1 is the first row, headers included)
 * @param message what is wrong, in Chinese and English
 */
public record RowProblem(int row, Message message) {

  /** {@code 第 12 行：编码为空 / row 12: no code}. */
  @Override
  public String toString() {
    return "第 " + row + " 行：" + message.zh() + " / row " + row + ": " + message.en();
  }
}
