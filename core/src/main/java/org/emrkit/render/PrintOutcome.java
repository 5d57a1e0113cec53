package org.emrkit.render;

import java.util.List;
import java.util.Optional;
import org.emrkit.problem.Message;

/**
 * What a print did: the log entry to record ({@code EditSession.recordPrint}), the page to put
 * back in the printer (a continuation that starts on a page already on paper), and the pages
 * whose printed content was amended after it was printed, which a continuation cannot correct on
 * paper: they need a reprint ({@link PrintMode#PAGES}).
 *
 * @param entry the print log entry (not logged yet: sequence number 0)
 * @param continuedPage the page, already on paper, the print continues; 0 when every page it
 *     prints is new paper
 * @param amendedPages pages printed before whose content has since been amended, ascending
 * @param neverPrinted pages before where this print starts that no print has put on paper
 *     (a continuation after a reprint of later pages only), ascending
 */
public record PrintOutcome(PrintEntry entry, int continuedPage, List<Integer> amendedPages,
    List<Integer> neverPrinted) {

  /** Copies the lists. */
  public PrintOutcome {
    amendedPages = List.copyOf(amendedPages);
    neverPrinted = List.copyOf(neverPrinted);
  }

  /**
   * What to tell the person printing, if anything: which sheet to put back, which pages to
   * reprint because their printed content was amended, and which were never printed.
   */
  public Optional<Message> notice() {
    StringBuilder zh = new StringBuilder();
    StringBuilder en = new StringBuilder();
    if (continuedPage > 0) {
      zh.append("请将第 ").append(continuedPage).append(" 页放回打印机续打。");
      en.append("Put page ").append(continuedPage).append(" back in the printer. ");
    }
    if (!amendedPages.isEmpty()) {
      String pages = String.join("、", amendedPages.stream().map(String::valueOf).toList());
      zh.append("第 ").append(pages).append(" 页打印后内容又被修改，纸上仍是旧内容，续打不能更正；请重打这些页。");
      en.append("Pages ").append(String.join(", ", amendedPages.stream().map(String::valueOf)
          .toList())).append(" were amended after they were printed; the paper shows the old"
          + " content and a continuation cannot correct it: print them again.");
    }
    if (!neverPrinted.isEmpty()) {
      zh.append("第 ").append(String.join("、", neverPrinted.stream().map(String::valueOf)
          .toList())).append(" 页从未打印，请补打。");
      en.append(" Pages ").append(String.join(", ", neverPrinted.stream().map(String::valueOf)
          .toList())).append(" have never been printed: print them.");
    }
    return zh.length() == 0 ? Optional.empty()
        : Optional.of(Message.of(zh.toString(), en.toString().strip()));
  }
}
