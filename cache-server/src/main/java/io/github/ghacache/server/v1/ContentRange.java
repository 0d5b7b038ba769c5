package io.github.ghacache.server.v1;

/** A v1 chunk's {@code Content-Range: bytes <start>-<end>/*} (inclusive end; the total is always {@code *}). */
public record ContentRange(long start, long end) {

    public static ContentRange parse(String header) {
        if (header == null) {
            throw new IllegalArgumentException("Content-Range header is required");
        }
        String h = header.trim();
        if (!h.startsWith("bytes ")) {
            throw new IllegalArgumentException("Content-Range must start with 'bytes ': " + header);
        }
        String spec = h.substring(6).trim();
        int slash = spec.indexOf('/');
        if (slash >= 0) {
            spec = spec.substring(0, slash);
        }
        int dash = spec.indexOf('-');
        if (dash <= 0) {
            throw new IllegalArgumentException("Content-Range is not 'bytes start-end/*': " + header);
        }
        try {
            long start = Long.parseLong(spec.substring(0, dash).trim());
            long end = Long.parseLong(spec.substring(dash + 1).trim());
            if (start < 0 || end < start) {
                throw new IllegalArgumentException("Content-Range end is before start: " + header);
            }
            return new ContentRange(start, end);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("Content-Range is not 'bytes start-end/*': " + header);
        }
    }
}
