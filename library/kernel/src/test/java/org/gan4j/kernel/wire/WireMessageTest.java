package org.gan4j.kernel.wire;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.dflib.jjava.jupyter.messages.HMACGenerator;
import org.junit.jupiter.api.Test;

class WireMessageTest {

    static final String HEADER = "{\"msg_id\":\"m1\",\"msg_type\":\"execute_request\",\"session\":\"s-42\","
            + "\"username\":\"u\",\"date\":\"2026-11-30T14:00:00.000000Z\",\"version\":\"5.3\"}";

    static byte[] b(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    /** Frames of a message signed with {@code hmac}: peer, delimiter, signature, header, {}, {}, content, buffers. */
    static List<byte[]> signed(HMACGenerator hmac, String header, String content, byte[]... buffers) {
        byte[][] parts = {b(header), b("{}"), b("{}"), b(content)};
        String sig = hmac.calculateSignature(parts);
        List<byte[]> frames = new ArrayList<>(List.of(b("peer"), WireMessage.DELIMITER,
                b(sig == null ? "" : sig), parts[0], parts[1], parts[2], parts[3]));
        frames.addAll(List.of(buffers));
        return frames;
    }

    static HMACGenerator hmac() throws Exception {
        return new HMACGenerator("hmac-sha256", "secret-key");
    }

    @Test
    void aJunkFrameWithoutDelimiterIsRejectedOnItsOwn() {
        MalformedMessageException e = assertThrows(MalformedMessageException.class,
                () -> WireMessage.split(List.of(b("attacker"), b("x"))));
        assertTrue(e.getMessage().contains("no <IDS|MSG> delimiter"), e.getMessage());
    }

    @Test
    void fewerThanFiveFramesAfterTheDelimiterAreRejected() {
        MalformedMessageException e = assertThrows(MalformedMessageException.class,
                () -> WireMessage.split(List.of(b("peer"), WireMessage.DELIMITER, b("sig"), b("{}"), b("{}"),
                        b("{}"))));
        assertTrue(e.getMessage().contains("only 4 frame(s) after <IDS|MSG>"), e.getMessage());
    }

    @Test
    void splitSeparatesIdentitiesPartsAndBuffersExactly() throws Exception {
        List<byte[]> frames = signed(hmac(), HEADER, "{\"code\":\"1\"}", b("buf1"), b("buf2"));
        frames.add(0, b("outer-router"));
        WireMessage m = WireMessage.split(frames);
        assertEquals(2, m.identities().size());
        assertArrayEquals(b("outer-router"), m.identities().get(0));
        assertArrayEquals(b("peer"), m.identities().get(1));
        assertArrayEquals(b(HEADER), m.header());
        assertArrayEquals(b("{\"code\":\"1\"}"), m.content());
        assertEquals(2, m.buffers().size());
        assertArrayEquals(b("buf2"), m.buffers().get(1));
        assertEquals("s-42", m.sessionId());
        assertEquals("execute_request", m.messageType());
        assertEquals("m1", m.messageId());
    }

    @Test
    void aCorrectSignatureIsAcceptedAndAWrongOrMissingOneRejected() throws Exception {
        HMACGenerator hmac = hmac();
        WireMessage good = WireMessage.split(signed(hmac, HEADER, "{}"));
        assertDoesNotThrow(() -> good.verify(hmac::calculateSignature));

        List<byte[]> tampered = signed(hmac, HEADER, "{}");
        tampered.set(6, b("{\"code\":\"System.exit(0)\"}")); // content changed after signing
        MalformedMessageException wrong = assertThrows(MalformedMessageException.class,
                () -> WireMessage.split(tampered).verify(hmac::calculateSignature));
        assertEquals("wrong HMAC signature", wrong.getMessage());

        List<byte[]> unsigned = signed(hmac, HEADER, "{}");
        unsigned.set(2, new byte[0]);
        MalformedMessageException missing = assertThrows(MalformedMessageException.class,
                () -> WireMessage.split(unsigned).verify(hmac::calculateSignature));
        assertTrue(missing.getMessage().startsWith("unsigned"), missing.getMessage());
    }

    @Test
    void withoutAKeyEveryMessageIsAccepted() throws Exception {
        List<byte[]> frames = signed(hmac(), HEADER, "{}");
        frames.set(2, b("anything"));
        WireMessage m = WireMessage.split(frames);
        assertDoesNotThrow(() -> m.verify(parts -> null));
    }

    @Test
    void anUnreadableHeaderReportsUnknownSessionAndType() throws Exception {
        WireMessage m = WireMessage.split(signed(hmac(), "[1, 2", "{}"));
        assertEquals("?", m.sessionId());
        assertEquals("?", m.messageType());
    }
}
