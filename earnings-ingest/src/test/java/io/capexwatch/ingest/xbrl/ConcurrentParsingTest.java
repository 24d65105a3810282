package io.capexwatch.ingest.xbrl;

import io.capexwatch.ingest.SharedEdgarFiles;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** One parser shared by concurrent imports gives every one of them the document's own facts. */
class ConcurrentParsingTest {

    @Test
    void oneParserManyThreads() throws Exception {
        byte[] inline = Files.readAllBytes(SharedEdgarFiles.require("aapl-20250329.htm"));
        byte[] amazon = Files.readAllBytes(SharedEdgarFiles.require("amzn-20221231_htm.xml"));
        XbrlParser parser = new XbrlParser();
        List<String> inlineKeys = FactKeys.numericKeys(parser.parse(new ByteArrayInputStream(inline)));
        List<String> amazonKeys = FactKeys.numericKeys(parser.parse(new ByteArrayInputStream(amazon)));
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Boolean>> results = new ArrayList<>();
            for (int i = 0; i < 24; i++) {
                boolean apple = i % 2 == 0;
                Callable<Boolean> parse = () -> FactKeys.numericKeys(parser.parse(new ByteArrayInputStream(apple ? inline : amazon)))
                        .equals(apple ? inlineKeys : amazonKeys);
                results.add(pool.submit(parse));
            }
            for (Future<Boolean> result : results) {
                assertEquals(true, result.get());
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
