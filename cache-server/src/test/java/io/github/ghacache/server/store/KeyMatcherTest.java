package io.github.ghacache.server.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The lookup algorithm of spec §4.3 (§7 row 3), on plain data. */
class KeyMatcherTest {
    private final List<CacheEntry> entries = new ArrayList<>();
    private final KeyMatcher matcher = new KeyMatcher(true);
    private long seq;

    private void add(String scope, String key, String version) {
        seq++;
        entries.add(new CacheEntry(seq, scope, key, version, 1, Instant.parse("2026-01-01T00:00:00Z").plusSeconds(seq), seq));
    }

    private Optional<String> find(List<String> scopes, String... keys) {
        return matcher.find(scopes, List.of(keys), "v", entries).map(CacheEntry::key);
    }

    @Test
    void newestPrefixMatchWinsAsInGoActionsCachePartialKeyOrder() {
        add("main", "foo22", "v");
        add("main", "fo", "v");
        add("main", "foo1", "v");
        assertThat(find(List.of("main"), "foo")).contains("foo1");
        assertThat(find(List.of("main"), "")).contains("foo1");
        assertThat(find(List.of("main"), "foo3")).isEmpty();
    }

    @Test
    void exactMatchBeatsANewerPrefixMatch() {
        add("main", "k", "v");
        add("main", "k-newer", "v");
        assertThat(find(List.of("main"), "k")).contains("k");
    }

    @Test
    void restoreKeysAreTriedInOrderAfterThePrimary() {
        add("main", "b-1", "v");
        add("main", "a-1", "v");
        assertThat(find(List.of("main"), "x", "b-", "a-")).contains("b-1");
        assertThat(find(List.of("main"), "x", "c-", "a-")).contains("a-1");
    }

    @Test
    void theWholeFirstScopeIsSearchedBeforeTheNext() {
        add("main", "k", "v");
        add("feature", "k-newer", "v");
        assertThat(find(List.of("feature", "main"), "k")).as("prefix in the first scope beats exact in the next")
                .contains("k-newer");
        assertThat(find(List.of("main", "feature"), "k")).contains("k");
        assertThat(find(List.of("other"), "k")).isEmpty();
    }

    @Test
    void versionMustBeEqualAndCaseOfKeysIsIgnored() {
        add("main", "Key", "V");
        assertThat(find(List.of("main"), "Key")).isEmpty();
        add("main", "Key", "v");
        assertThat(find(List.of("main"), "KEY")).contains("Key");
        assertThat(new KeyMatcher(false).find(List.of("main"), List.of("KEY"), "v", entries)).isEmpty();
    }
}
