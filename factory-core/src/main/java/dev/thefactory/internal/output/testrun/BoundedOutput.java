package dev.thefactory.internal.output.testrun;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Keeps the beginning and the end of a stream that may be arbitrarily long: the first {@code headLimit} bytes and the
 * last {@code tailLimit} bytes, counting what was dropped in between. Memory never exceeds the two limits.
 *
 * <p>Thread-safe: a reader thread appends while another may read.
 */
final class BoundedOutput {

    private final int headLimit;
    private final byte[] tail;
    private final ByteArrayOutputStream head;
    private int tailStart;
    private int tailLength;
    private long total;

    /**
     * @param headLimit bytes kept from the start, {@code >= 0}
     * @param tailLimit bytes kept from the end, {@code >= 1}
     */
    BoundedOutput(int headLimit, int tailLimit) {
        if (headLimit < 0 || tailLimit < 1) {
            throw new IllegalArgumentException("headLimit must be >= 0 and tailLimit >= 1 but were " + headLimit
                    + " and " + tailLimit);
        }
        this.headLimit = headLimit;
        this.head = new ByteArrayOutputStream(Math.min(headLimit, 8192));
        this.tail = new byte[tailLimit];
    }

    /**
     * @param bytes  the buffer
     * @param offset where the new bytes start
     * @param length how many there are
     */
    synchronized void append(byte[] bytes, int offset, int length) {
        total += length;
        int i = offset;
        int end = offset + length;
        int toHead = Math.min(end - i, headLimit - head.size());
        if (toHead > 0) {
            head.write(bytes, i, toHead);
            i += toHead;
        }
        for (; i < end; i++) {
            tail[(tailStart + tailLength) % tail.length] = bytes[i];
            if (tailLength < tail.length) {
                tailLength++;
            } else {
                tailStart = (tailStart + 1) % tail.length;
            }
        }
    }

    /** @return how many bytes were appended in all */
    synchronized long total() {
        return total;
    }

    /** @return the kept text, with a marker where bytes were dropped; malformed UTF-8 is replaced */
    @Override
    public synchronized String toString() {
        byte[] end = new byte[tailLength];
        for (int i = 0; i < tailLength; i++) {
            end[i] = tail[(tailStart + i) % tail.length];
        }
        String start = head.toString(StandardCharsets.UTF_8);
        long dropped = total - head.size() - tailLength;
        String last = new String(end, StandardCharsets.UTF_8);
        return dropped > 0 ? start + "\n[... " + dropped + " bytes of output omitted ...]\n" + last : start + last;
    }

    /**
     * @param lines how many lines to keep at most
     * @return the last lines of the kept text, joined with {@code " | "}, for a one-line problem message
     */
    String lastLines(int lines) {
        String[] all = toString().strip().split("\\R");
        int from = Math.max(0, all.length - lines);
        StringBuilder joined = new StringBuilder();
        for (int i = from; i < all.length; i++) {
            if (!all[i].isBlank()) {
                joined.append(joined.length() == 0 ? "" : " | ").append(all[i].strip());
            }
        }
        return joined.toString();
    }
}
