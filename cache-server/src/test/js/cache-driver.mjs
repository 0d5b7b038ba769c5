// Drives the official @actions/cache client against the cache-server, one operation per run.
// Usage: node cache-driver.mjs '{"op":"save"|"restore","paths":[...],"key":"...","restoreKeys":[...]}'
// The last stdout line is "RESULT <json>" for the JUnit test to parse. The runner variables
// (ACTIONS_CACHE_URL, ACTIONS_RESULTS_URL, ACTIONS_RUNTIME_TOKEN, ACTIONS_CACHE_SERVICE_V2, ...) come from the
// environment the test sets; this script must be copied next to the node_modules folder it imports from.
import * as cache from '@actions/cache';

const request = JSON.parse(process.argv[2]);
let result;
try {
  if (request.op === 'save') {
    const cacheId = await cache.saveCache(request.paths, request.key);
    result = { cacheId };
  } else if (request.op === 'restore') {
    const matchedKey = await cache.restoreCache(request.paths, request.key, request.restoreKeys || []);
    result = { matchedKey: matchedKey ?? null };
  } else if (request.op === 'version') {
    result = { v2: process.env.ACTIONS_CACHE_SERVICE_V2 ? true : false, available: cache.isFeatureAvailable() };
  } else {
    throw new Error('unknown op ' + request.op);
  }
} catch (e) {
  result = { error: String(e && e.stack ? e.stack : e) };
}
console.log('RESULT ' + JSON.stringify(result));
