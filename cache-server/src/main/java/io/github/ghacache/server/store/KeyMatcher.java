package io.github.ghacache.server.store;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The lookup algorithm of spec §4.3, without I/O: for each readable scope in order, for each key in order
 * (primary first, then restore keys), an exact match, else the newest entry whose key starts with it.
 */
public final class KeyMatcher {
    private static final Comparator<CacheEntry> NEWEST_FIRST =
            Comparator.comparing(CacheEntry::created).thenComparingLong(CacheEntry::sequence).reversed();
    private final boolean caseInsensitive;

    public KeyMatcher(boolean caseInsensitive) {
        this.caseInsensitive = caseInsensitive;
    }

    /** @param candidates committed, visible entries of any scope and version */
    public Optional<CacheEntry> find(List<String> scopes, List<String> keys, String version,
            Collection<CacheEntry> candidates) {
        for (String scope : scopes) {
            List<CacheEntry> inScope = new ArrayList<>();
            for (CacheEntry e : candidates) {
                if (e.scope().equals(scope) && e.version().equals(version)) {
                    inScope.add(e);
                }
            }
            inScope.sort(NEWEST_FIRST);
            for (String key : keys) {
                String wanted = normalize(key);
                Optional<CacheEntry> exact = inScope.stream().filter(e -> normalize(e.key()).equals(wanted)).findFirst();
                if (exact.isPresent()) {
                    return exact;
                }
                Optional<CacheEntry> prefix = inScope.stream().filter(e -> normalize(e.key()).startsWith(wanted)).findFirst();
                if (prefix.isPresent()) {
                    return prefix;
                }
            }
        }
        return Optional.empty();
    }

    /** The identity form of a key: lower-cased when matching is case-insensitive. */
    public String normalize(String key) {
        return caseInsensitive ? key.toLowerCase(Locale.ROOT) : key;
    }
}
