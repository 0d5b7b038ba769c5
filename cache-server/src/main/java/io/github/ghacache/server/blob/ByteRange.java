package io.github.ghacache.server.blob;

/**
 * The part of a blob a GET asks for, from {@code x-ms-range} (which wins, as in Azure) or {@code Range}.
 * Supported forms: {@code bytes=a-b}, {@code bytes=a-} and {@code bytes=-n}; anything else means the whole blob,
 * as Azure ignores a Range header it cannot parse.
 *
 * @param partial false for a plain 200 of the whole blob
 * @param satisfiable false answers 416 InvalidRange
 */
public record ByteRange(boolean partial, boolean satisfiable, long start, long end) {

    public long length() {
        return end - start + 1;
    }

    public static ByteRange resolve(String msRange, String range, long size) {
        String spec = msRange != null ? msRange : range;
        ByteRange whole = new ByteRange(false, true, 0, size - 1);
        if (spec == null) {
            return whole;
        }
        String s = spec.trim();
        if (!s.startsWith("bytes=") || s.contains(",")) {
            return whole;
        }
        String[] parts = s.substring(6).split("-", -1);
        if (parts.length != 2) {
            return whole;
        }
        try {
            if (parts[0].isEmpty()) {
                long suffix = Long.parseLong(parts[1]);
                if (suffix <= 0 || size == 0) {
                    return new ByteRange(true, false, 0, 0);
                }
                return new ByteRange(true, true, Math.max(0, size - suffix), size - 1);
            }
            long start = Long.parseLong(parts[0]);
            long end = parts[1].isEmpty() ? size - 1 : Long.parseLong(parts[1]);
            if (start >= size || end < start) {
                return new ByteRange(true, false, start, end);
            }
            return new ByteRange(true, true, start, Math.min(end, size - 1));
        } catch (NumberFormatException e) {
            return whole;
        }
    }
}
