package io.github.ghacache.config;

/** The names of every user-facing property; all share the {@value #PREFIX} prefix. */
public final class SettingKeys {
    public static final String PREFIX = "gha.cache.";

    /** Master switch: {@code false} leaves the build exactly as without the extension. */
    public static final String ENABLED = PREFIX + "enabled";
    /** {@code min} (one member per module) or {@code max} (one member per step). */
    public static final String MODE = PREFIX + "mode";
    /** Namespace inside the store, as BuildKit's scope. */
    public static final String SCOPE = PREFIX + "scope";
    /** Whether packs are looked up and restored. */
    public static final String RESTORE = PREFIX + "restore";
    /** Whether new packs are saved. */
    public static final String SAVE = PREFIX + "save";
    /** {@code auto}, {@code gha} or {@code local}. */
    public static final String BACKEND = PREFIX + "backend";
    /** Folder of the local backend. */
    public static final String DIR = PREFIX + "dir";
    /** Size cap of the local backend, e.g. {@code 5g}, {@code 500m}. */
    public static final String MAX_SIZE = PREFIX + "maxSize";
    /** Bound on all cache I/O of one build, e.g. {@code 10m}, {@code 90s}. */
    public static final String TIMEOUT = PREFIX + "timeout";
    /** Make cache I/O errors fail the build. */
    public static final String FAIL_ON_ERROR = PREFIX + "failOnError";
    /** Extra goals to cache, as {@code groupId:artifactId:goal} (groupId may be omitted for Maven's plugins). */
    public static final String CACHEABLE = PREFIX + "cacheable";
    /** Goals never to cache, same form as {@link #CACHEABLE}. */
    public static final String UNCACHEABLE = PREFIX + "uncacheable";
    /** Cache service URL (v2 results URL or v1 cache URL), instead of the runner's ACTIONS_* variables. */
    public static final String URL = PREFIX + "url";
    /** Cache service token, instead of ACTIONS_RUNTIME_TOKEN. Never logged. */
    public static final String TOKEN = PREFIX + "token";
    /** Cache service protocol: {@code auto} (as the official client decides), {@code v1} or {@code v2}. */
    public static final String API_VERSION = PREFIX + "apiVersion";
    /** At most this many new entries per minute from this build (the service allows about 200 per repository). */
    public static final String UPLOADS_PER_MINUTE = PREFIX + "uploadsPerMinute";
    /** Extra key input: change it to miss everything. */
    public static final String SALT = PREFIX + "salt";

    private SettingKeys() {}
}
