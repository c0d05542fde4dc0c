package ru.otklik.crawler.fetch;

/** Strips a byte-order mark: some servers (VK among them) start UTF-8 bodies with one, and JSON/XML parsers choke on it. */
public final class Bom {

    private Bom() {
    }

    public static String strip(String text) {
        return !text.isEmpty() && text.charAt(0) == '\uFEFF' ? text.substring(1) : text;
    }

    public static byte[] strip(byte[] bytes) {
        if (bytes.length >= 3 && (bytes[0] & 0xFF) == 0xEF && (bytes[1] & 0xFF) == 0xBB && (bytes[2] & 0xFF) == 0xBF) {
            return java.util.Arrays.copyOfRange(bytes, 3, bytes.length);
        }
        return bytes;
    }
}
