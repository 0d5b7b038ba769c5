package io.github.ghacache.server.v2;

/** How GetCacheEntryDownloadURL answers a miss: the real {@code {"ok":false}}, an empty {@code {}}, or Twirp not_found. */
public enum MissShape { OK_FALSE, EMPTY, NOT_FOUND }
