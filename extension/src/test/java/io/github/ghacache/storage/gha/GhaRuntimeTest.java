package io.github.ghacache.storage.gha;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class GhaRuntimeTest {
    private static Map<String, String> runner() {
        Map<String, String> env = new HashMap<>();
        env.put("ACTIONS_RUNTIME_TOKEN", "tok-123456789");
        env.put("ACTIONS_CACHE_URL", "https://artifactcache.example/abc/");
        env.put("ACTIONS_RESULTS_URL", "https://results.example/");
        env.put("ACTIONS_CACHE_SERVICE_V2", "True");
        return env;
    }

    @Test
    void githubDotComWithTheV2FlagUsesV2AndTheResultsUrl() {
        GhaRuntime r = GhaRuntime.resolve(runner()::get, null, null, "auto");
        assertThat(r.available()).isTrue();
        assertThat(r.protocol()).isEqualTo(GhaRuntime.Protocol.V2);
        assertThat(r.baseUrl()).isEqualTo("https://results.example/");
        assertThat(r.token()).isEqualTo("tok-123456789");
    }

    @Test
    void withoutTheV2FlagItIsV1OnTheCacheUrl() {
        Map<String, String> env = runner();
        env.remove("ACTIONS_CACHE_SERVICE_V2");
        GhaRuntime r = GhaRuntime.resolve(env::get, null, null, "auto");
        assertThat(r.protocol()).isEqualTo(GhaRuntime.Protocol.V1);
        assertThat(r.baseUrl()).isEqualTo("https://artifactcache.example/abc/");
    }

    @Test
    void enterpriseServerAlwaysUsesV1AsTheOfficialClientDoes() {
        Map<String, String> env = runner();
        env.put("GITHUB_SERVER_URL", "https://github.mycorp.example");
        assertThat(GhaRuntime.resolve(env::get, null, null, "auto").protocol()).isEqualTo(GhaRuntime.Protocol.V1);
        env.put("GITHUB_SERVER_URL", "https://octo.ghe.com");
        assertThat(GhaRuntime.resolve(env::get, null, null, "auto").protocol()).isEqualTo(GhaRuntime.Protocol.V2);
        env.put("GITHUB_SERVER_URL", "http://localhost:3000");
        assertThat(GhaRuntime.resolve(env::get, null, null, "auto").protocol()).isEqualTo(GhaRuntime.Protocol.V1);
    }

    @Test
    void propertiesOverrideTheEnvironment() {
        GhaRuntime r = GhaRuntime.resolve(runner()::get, "http://127.0.0.1:9/", "mine-123456", "v1");
        assertThat(r.protocol()).isEqualTo(GhaRuntime.Protocol.V1);
        assertThat(r.baseUrl()).isEqualTo("http://127.0.0.1:9/");
        assertThat(r.token()).isEqualTo("mine-123456");
    }

    @Test
    void missingVariablesMakeItUnavailableWithTheReason() {
        Map<String, String> env = runner();
        env.remove("ACTIONS_RUNTIME_TOKEN");
        assertThat(GhaRuntime.resolve(env::get, null, null, "auto").unavailableReason())
                .contains("ACTIONS_RUNTIME_TOKEN");
        Map<String, String> noUrl = runner();
        noUrl.remove("ACTIONS_RESULTS_URL");
        assertThat(GhaRuntime.resolve(noUrl::get, null, null, "auto").unavailableReason())
                .contains("ACTIONS_RESULTS_URL");
        Map<String, String> blank = runner();
        blank.put("ACTIONS_RUNTIME_TOKEN", "  ");
        assertThat(GhaRuntime.resolve(blank::get, null, null, "auto").available()).isFalse();
    }

    @Test
    void cacheModeGatesRestoreAndSave() {
        Map<String, String> env = runner();
        env.put("ACTIONS_CACHE_MODE", "read");
        GhaRuntime read = GhaRuntime.resolve(env::get, null, null, "auto");
        assertThat(read.restoreAllowed()).isTrue();
        assertThat(read.saveAllowed()).isFalse();
        env.put("ACTIONS_CACHE_MODE", " Write-Only ");
        GhaRuntime writeOnly = GhaRuntime.resolve(env::get, null, null, "auto");
        assertThat(writeOnly.restoreAllowed()).isFalse();
        assertThat(writeOnly.saveAllowed()).isTrue();
        env.put("ACTIONS_CACHE_MODE", "none");
        GhaRuntime none = GhaRuntime.resolve(env::get, null, null, "auto");
        assertThat(none.restoreAllowed()).isFalse();
        assertThat(none.saveAllowed()).isFalse();
    }

    @Test
    void toStringNeverShowsTheToken() {
        assertThat(GhaRuntime.resolve(runner()::get, null, null, "auto").toString()).doesNotContain("tok-123456789");
    }
}
