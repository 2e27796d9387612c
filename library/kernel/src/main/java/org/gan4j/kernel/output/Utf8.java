package org.gan4j.kernel.output;

/** Where a byte sequence may be cut without splitting a UTF-8 character. */
final class Utf8 {

    private Utf8() {
    }

    /**
     * @param bytes UTF-8 bytes
     * @param len   how many of them to consider
     * @return the length of the longest prefix of {@code bytes[0, len)} that does not end inside a multi-byte
     *         character ({@code len} itself when the last character is whole, or when the tail is not valid UTF-8
     *         anyway)
     */
    static int completePrefix(byte[] bytes, int len) {
        for (int i = len - 1; i >= Math.max(0, len - 4); i--) {
            int b = bytes[i] & 0xFF;
            if ((b & 0xC0) == 0x80) {
                continue; // a continuation byte: look further back for the lead byte
            }
            int needed = (b & 0x80) == 0 ? 1 : (b & 0xE0) == 0xC0 ? 2 : (b & 0xF0) == 0xE0 ? 3
                    : (b & 0xF8) == 0xF0 ? 4 : 1;
            return i + needed <= len ? len : i;
        }
        return len;
    }
}
