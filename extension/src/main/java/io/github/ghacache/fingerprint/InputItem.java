package io.github.ghacache.fingerprint;

/** One named key input and the digest (or short literal) that stands for it: what {@code -X} prints. */
public record InputItem(String name, String value) {}
