package fr.pyramidesnoires.results.ranking;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class CachedRankingsTest {

    @Test
    void aPhoneThatAcceptsGzipGetsTheGzippedPage() {
        assertTrue(CachedRankings.acceptsGzip("gzip, deflate, br"));
        assertTrue(CachedRankings.acceptsGzip("deflate, GZIP;q=0.8"));
    }

    @Test
    void aClientThatNamesNoGzipOrRefusesItGetsThePlainPage() {
        assertFalse(CachedRankings.acceptsGzip(null), "wrk, curl");
        assertFalse(CachedRankings.acceptsGzip("identity"));
        assertFalse(CachedRankings.acceptsGzip("gzipx"));
        assertFalse(CachedRankings.acceptsGzip("br, gzip ; q=0.000"));
    }
}
