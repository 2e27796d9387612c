package org.gan4j.kernel.output;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

/** Batching by size, by (fake) time and by stream switch; UTF-8 boundaries; the per-cell limit. No real clock. */
class OutputBatcherTest {

    private final long[] now = {0};
    private final List<String> sent = new ArrayList<>();

    private OutputBatcher batcher(int batchBytes, long delayNanos, long limit) {
        OutputBatcher b = new OutputBatcher(new OutputBatcher.Settings(batchBytes, delayNanos, limit), () -> now[0],
                (stream, text) -> sent.add(stream + ":" + text));
        b.startCell();
        return b;
    }

    private static void write(OutputBatcher b, String stream, String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        b.write(stream, bytes, 0, bytes.length);
    }

    @Test
    void smallWritesWaitUntilTheDelayHasPassedThenGoOutAsOneBatch() {
        OutputBatcher b = batcher(1000, 200, 1_000_000);
        now[0] = 10;
        write(b, "stdout", "a\n");
        now[0] = 100;
        write(b, "stdout", "b\n");
        now[0] = 209; // 199 ns after the first byte: not yet due
        b.flushIfDue();
        assertEquals(List.of(), sent);
        now[0] = 210;
        b.flushIfDue();
        assertEquals(List.of("stdout:a\nb\n"), sent);
    }

    @Test
    void aFullBatchIsSentAtOnceWithoutWaiting() {
        OutputBatcher b = batcher(4, 1_000_000, 1_000_000);
        write(b, "stdout", "abc");
        assertEquals(List.of(), sent);
        write(b, "stdout", "de");
        assertEquals(List.of("stdout:abcde"), sent);
    }

    @Test
    void switchingStreamsSendsThePreviousStreamFirstSoOrderIsKept() {
        OutputBatcher b = batcher(1000, 1_000_000, 1_000_000);
        write(b, "stdout", "1");
        write(b, "stderr", "2");
        write(b, "stdout", "3");
        b.endCell();
        assertEquals(List.of("stdout:1", "stderr:2", "stdout:3"), sent);
    }

    @Test
    void aMultiByteCharacterIsNeverSplitAcrossBatches() {
        OutputBatcher b = batcher(2, 1_000_000, 1_000_000);
        byte[] euro = "x€".getBytes(StandardCharsets.UTF_8); // 78 E2 82 AC
        b.write("stdout", euro, 0, 2); // "x" and the first byte of the euro sign: batch full
        assertEquals(List.of("stdout:x"), sent);
        b.write("stdout", euro, 2, 2);
        b.flush();
        assertEquals(List.of("stdout:x", "stdout:€"), sent);
    }

    @Test
    void completePrefixStopsBeforeAnIncompleteSequenceOnly() {
        byte[] euro = "€".getBytes(StandardCharsets.UTF_8);
        assertEquals(0, Utf8.completePrefix(euro, 1));
        assertEquals(0, Utf8.completePrefix(euro, 2));
        assertEquals(3, Utf8.completePrefix(euro, 3));
        byte[] emoji = "a😀".getBytes(StandardCharsets.UTF_8); // 1 + 4 bytes
        assertEquals(1, Utf8.completePrefix(emoji, 4));
        assertEquals(5, Utf8.completePrefix(emoji, 5));
    }

    @Test
    void outputPastTheLimitIsDroppedWithOneNoteGivingTheExactCount() {
        OutputBatcher b = batcher(1000, 1_000_000, 10);
        write(b, "stdout", "0123456"); // 7 bytes
        write(b, "stdout", "789ABCDEF"); // 3 accepted, 6 dropped
        write(b, "stderr", "more"); // 4 dropped
        assertEquals(10, b.droppedThisCell());
        b.endCell();
        assertEquals(2, sent.size(), sent.toString());
        assertEquals("stdout:0123456789", sent.get(0));
        assertTrue(sent.get(1).startsWith("stderr:"), sent.get(1));
        assertTrue(sent.get(1).contains("more than 10 bytes of output; the remaining 10 bytes were dropped"),
                sent.get(1));
    }

    @Test
    void theLimitCountsPerCell() {
        OutputBatcher b = batcher(1000, 1_000_000, 4);
        write(b, "stdout", "abcdef");
        b.endCell();
        sent.clear();
        b.startCell();
        write(b, "stdout", "wxyz");
        b.endCell();
        assertEquals(List.of("stdout:wxyz"), sent);
    }

    @Test
    void theStreamsFlushOnlySendsADueBatchSoPrintStreamAutoFlushDoesNotDefeatBatching() throws Exception {
        OutputBatcher b = batcher(1000, 200, 1_000_000);
        java.io.OutputStream out = b.stream(OutputBatcher.STDOUT);
        out.write("line\n".getBytes(StandardCharsets.UTF_8));
        out.flush();
        assertEquals(List.of(), sent);
        now[0] = 200;
        out.flush();
        assertEquals(List.of("stdout:line\n"), sent);
    }

    @Test
    void settingsRejectNonsense() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new OutputBatcher.Settings(0, 1, 1));
        assertTrue(e.getMessage().contains("batchBytes must be >= 1"), e.getMessage());
    }
}
