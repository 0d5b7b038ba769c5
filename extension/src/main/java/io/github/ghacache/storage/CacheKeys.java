package io.github.ghacache.storage;

import io.github.ghacache.fingerprint.Digests;

/**
 * Store keys: {@code gha-maven-<pack format>:<scope>:<groupId>:<artifactId>:<moduleKey>}. The part up to the last
 * colon is the module's prefix, which the service matches to find the newest pack of a module. Colons cannot
 * occur in Maven ids, so no module's prefix is a prefix of another's; the pack format in the namespace keeps
 * packs of another format out of every lookup.
 */
public final class CacheKeys {
    public static final String NAMESPACE = "gha-maven-" + io.github.ghacache.pack.PackFormat.VERSION;
    private static final int MAX_KEY = 512;

    private CacheKeys() {}

    public static String prefix(String scope, String groupId, String artifactId) {
        String p = NAMESPACE + ":" + scope + ":" + groupId + ":" + artifactId + ":";
        if (p.length() + 64 > MAX_KEY) {
            // the service refuses keys over 512 characters: stand a digest in for very long ids
            p = NAMESPACE + ":" + scope + ":" + Digests.of(groupId + ":" + artifactId) + ":";
        }
        return p;
    }

    public static String key(String prefix, String moduleKey) {
        return prefix + moduleKey;
    }

    /**
     * Where a build that failed part-way keeps the steps it finished (mode=max): found by the prefix as the
     * newest pack, but never by the exact key, so a later complete build of the same inputs still saves.
     */
    public static String partialKey(String prefix, String moduleKey) {
        return prefix + moduleKey + "-partial";
    }
}
