package io.github.ghacache.server.http;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * Requests the server answered, newest last, bounded so a long-running standalone server does not grow without
 * end; counters per endpoint are never trimmed.
 */
public final class RequestLog {
    private static final int MAX_ENTRIES = 10_000;
    private final Deque<RecordedRequest> entries = new ArrayDeque<>();
    private final Map<Endpoint, Long> counts = new EnumMap<>(Endpoint.class);

    /** Called by the dispatcher once per answered (or dropped) request. */
    public synchronized void add(RecordedRequest request) {
        if (entries.size() == MAX_ENTRIES) {
            entries.removeFirst();
        }
        entries.addLast(request);
        counts.merge(request.endpoint(), 1L, Long::sum);
    }

    public synchronized List<RecordedRequest> all() {
        return new ArrayList<>(entries);
    }

    public synchronized List<RecordedRequest> of(Endpoint endpoint) {
        return entries.stream().filter(r -> r.endpoint() == endpoint).collect(Collectors.toList());
    }

    /** Requests to {@code endpoint} since start or the last {@link #clear()}. */
    public synchronized long count(Endpoint endpoint) {
        return counts.getOrDefault(endpoint, 0L);
    }

    public synchronized long count(Predicate<RecordedRequest> filter) {
        return entries.stream().filter(filter).count();
    }

    public synchronized void clear() {
        entries.clear();
        counts.clear();
    }
}
