package dev.thefactory.internal.spec;

import dev.thefactory.api.SpecLimits;
import dev.thefactory.api.SpecValidationException;
import dev.thefactory.api.SpecValidationException.Violation;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Checks that apply to a spec document as a whole, before any parser sees it: the size cap, UTF-8 decoding, and
 * NUL characters. Each failure is a {@link SpecValidationException} on the field {@code (document)}. Stateless.
 */
final class SpecText {

    private static final char BYTE_ORDER_MARK = '\uFEFF';

    private SpecText() {
    }

    /** @return a {@code (document)} exception with one violation */
    static SpecValidationException documentProblem(String source, String message, String value, int line,
                                                   Throwable cause) {
        return new SpecValidationException(source,
                List.of(new Violation(SpecDraft.DOCUMENT, message, value, Math.max(line, 0))), cause);
    }

    /** Fails when a document of {@code size} bytes is over the cap; {@code unit} is "bytes" or "characters". */
    static void checkSize(long size, String unit, SpecLimits limits, String source) {
        if (size > limits.maxBytes()) {
            throw documentProblem(source, "spec is " + size + " " + unit + ", more than the limit of "
                    + limits.maxBytes() + " bytes; split it or raise SpecLimits.maxBytes", null, 0, null);
        }
    }

    /**
     * Fails when a string is over the size cap: first by its length in characters (cheap, and a lower bound of its
     * UTF-8 size), then by its exact UTF-8 size.
     */
    static void checkSize(String content, SpecLimits limits, String source) {
        checkSize(content.length(), "characters", limits, source);
        checkSize(utf8Length(content), "bytes", limits, source);
    }

    static long utf8Length(String s) {
        long bytes = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 0x80) {
                bytes++;
            } else if (c < 0x800) {
                bytes += 2;
            } else if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                bytes += 4;
                i++;
            } else {
                bytes += 3;
            }
        }
        return bytes;
    }

    /**
     * Decodes strict UTF-8 (malformed or truncated sequences are reported with their byte offset and line) and drops a
     * leading byte-order mark.
     */
    static String decodeUtf8(byte[] bytes, String source) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(bytes.length);
        CoderResult result = decoder.decode(in, out, true);
        if (!result.isError()) {
            result = decoder.flush(out);
        }
        if (result.isError()) {
            int offset = in.position();
            CharacterCodingException cause = codingException(result);
            throw documentProblem(source, "is not valid UTF-8: malformed byte 0x"
                    + String.format("%02X", bytes[Math.min(offset, bytes.length - 1)] & 0xFF) + " at byte offset "
                    + offset + "; save the file as UTF-8", null, lineOfByte(bytes, offset), cause);
        }
        out.flip();
        String text = out.toString();
        return !text.isEmpty() && text.charAt(0) == BYTE_ORDER_MARK ? text.substring(1) : text;
    }

    private static CharacterCodingException codingException(CoderResult result) {
        try {
            result.throwException();
        } catch (CharacterCodingException e) {
            return e;
        }
        return new CharacterCodingException();
    }

    private static int lineOfByte(byte[] bytes, int offset) {
        int line = 1;
        for (int i = 0; i < offset && i < bytes.length; i++) {
            if (bytes[i] == '\n') {
                line++;
            }
        }
        return line;
    }

    /**
     * Rejects a line longer than {@code maxStringLength} characters (a line ends at {@code \n}, {@code \r\n} or
     * {@code \r}), naming its number. Linear.
     */
    static void checkLineLengths(String content, SpecLimits limits, String source) {
        int line = 1;
        int start = 0;
        int length = content.length();
        for (int i = 0; i <= length; i++) {
            char c = i < length ? content.charAt(i) : '\n';
            if (c != '\n' && c != '\r') {
                continue;
            }
            if (i - start > limits.maxStringLength()) {
                throw documentProblem(source, "line " + line + " is " + (i - start)
                        + " characters long, more than the limit of " + limits.maxStringLength()
                        + "; break it up or raise SpecLimits.maxStringLength", null, line, null);
            }
            if (c == '\r' && i + 1 < length && content.charAt(i + 1) == '\n') {
                i++;
            }
            start = i + 1;
            line++;
        }
    }

    /** @return the 1-based line of a character offset */
    static int lineOf(String text, int offset) {
        int line = 1;
        for (int i = 0; i < offset && i < text.length(); i++) {
            if (text.charAt(i) == '\n') {
                line++;
            }
        }
        return line;
    }

    /**
     * Rejects a NUL character anywhere in the document, naming the first line with one, and an unpaired UTF-16
     * surrogate (a string that no UTF-8 file could hold).
     */
    static void checkText(String content, String source) {
        checkNoNul(content, source);
        for (int i = 0; i < content.length(); i++) {
            char c = content.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < content.length()
                    && Character.isLowSurrogate(content.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                throw documentProblem(source, "contains an unpaired UTF-16 surrogate (U+"
                        + String.format("%04X", (int) c) + ") at character offset " + i
                        + "; it is not text, remove it", null, lineOf(content, i), null);
            }
        }
    }

    /** Rejects a NUL character anywhere in the document, naming the first line with one. */
    static void checkNoNul(String content, String source) {
        int first = content.indexOf('\0');
        if (first < 0) {
            return;
        }
        long count = content.chars().filter(c -> c == 0).count();
        throw documentProblem(source, "contains " + count + " NUL character" + (count == 1 ? "" : "s")
                + " (U+0000), first at line " + lineOf(content, first) + "; a spec is text, remove them",
                null, lineOf(content, first), null);
    }
}
