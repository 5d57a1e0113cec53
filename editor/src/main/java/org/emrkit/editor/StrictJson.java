package org.emrkit.editor;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;
import org.emrkit.json.JsonLimits;
import org.emrkit.json.JsonProblem;
import org.emrkit.json.JsonText;
import org.emrkit.json.ReadResult;
import org.emrkit.problem.Message;

/**
 * Reads a request body as one JSON object, refusing rather than repairing: bytes that are not
 * UTF-8 (a lenient decoder would turn them into U+FFFD), duplicate members, data after the
 * object, numbers out of range ({@code 1e-999999999} is not 0.0), bodies over the limit. Each
 * refusal says where: the byte offset, the line and column, or the JSON pointer.
 */
public final class StrictJson {

  /** The largest request body read, in bytes. */
  public static final int MAX_BYTES = 4 * 1024 * 1024;

  private StrictJson() {}

  /** The body's JSON object, or a {@link BadRequest} saying what is wrong and where. */
  static JsonNode object(byte[] body) {
    if (body.length > MAX_BYTES) {
      throw new BadRequest("request/too-large", Message.of(
          "请求过大（" + body.length + " 字节，上限 " + MAX_BYTES + "）",
          "request too large (" + body.length + " bytes; limit " + MAX_BYTES + ")"));
    }
    String text = utf8(body);
    ReadResult<JsonNode> r = JsonText.read(text, JsonLimits.DEFAULT);
    if (!r.isOk()) {
      JsonProblem p = r.errors().get(0);
      String at = p.pointer().isEmpty() ? "" : " " + p.pointer();
      throw new BadRequest("request/json", Message.of("请求不是有效的 JSON" + at + "："
          + p.message().zh(), "the request is not valid JSON" + at + ": " + p.message().en()));
    }
    if (!r.orElseThrow().isObject()) {
      throw new BadRequest("request/json", Message.of("请求应为一个 JSON 对象",
          "the request must be one JSON object"));
    }
    return r.orElseThrow();
  }

  /** The bytes as UTF-8, or a {@link BadRequest} naming the first byte that is not. */
  public static String utf8(byte[] body) {
    CharsetDecoder d = StandardCharsets.UTF_8.newDecoder()
        .onMalformedInput(CodingErrorAction.REPORT)
        .onUnmappableCharacter(CodingErrorAction.REPORT);
    ByteBuffer in = ByteBuffer.wrap(body);
    try {
      return d.decode(in).toString();
    } catch (MalformedInputException e) {
      throw new BadRequest("request/encoding", Message.of(
          "请求不是有效的 UTF-8（第 " + in.position() + " 字节）",
          "the request is not valid UTF-8 (at byte " + in.position() + ")"));
    } catch (CharacterCodingException e) {
      throw new BadRequest("request/encoding", Message.of("请求不是有效的 UTF-8",
          "the request is not valid UTF-8"));
    }
  }
}
