package org.emrkit.render;

import org.emrkit.problem.Message;
import org.emrkit.problem.PointerException;

/**
 * A record could not be rendered: a stable code ({@code render/missing-glyph},
 * {@code render/template-mismatch}, {@code render/io}, ...), where (a JSON pointer into the
 * record when a value is the cause) and why, in Chinese and English. Every renderer throws this
 * and only this for a failed rendering; nothing has been written to a file a renderer was asked
 * to replace.
 */
public final class RenderException extends PointerException {

  private static final long serialVersionUID = 1L;

  /** A failure at {@code pointer} ({@code ""} for the record as a whole). */
  public RenderException(String code, String pointer, Message message, Throwable cause) {
    super(code, pointer, message, cause);
  }
  /**
   * Refuses values the record reader would refuse for their characters (a noncharacter, half a
   * surrogate pair, a text-direction control: only a record built through the API holds one),
   * before an export writes them: {@code render/character} at the value's pointer, the message
   * naming the export ({@code CDA}).
   */
  public static void refuseUnreadable(org.emrkit.record.Values values, String export) {
    org.emrkit.json.RecordJson.unreadable(values).ifPresent(p -> {
      throw new RenderException("render/character", p.pointer(), Message.of("无法导出 " + export
          + "：" + p.message().zh(), "cannot export " + export + ": " + p.message().en()), null);
    });
  }

}
