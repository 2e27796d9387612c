package org.gan4j.kernel.wire;

import static org.gan4j.kernel.wire.WireMessageTest.HEADER;
import static org.gan4j.kernel.wire.WireMessageTest.hmac;
import static org.gan4j.kernel.wire.WireMessageTest.signed;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.dflib.jjava.jupyter.messages.Message;
import org.dflib.jjava.jupyter.messages.MessageType;
import org.dflib.jjava.jupyter.messages.request.ExecuteRequest;
import org.junit.jupiter.api.Test;

class MessageDecoderTest {

    private static WireMessage wire(String header, String content) throws Exception {
        return WireMessage.split(signed(hmac(), header, content));
    }

    @Test
    void aValidExecuteRequestDecodesWithItsCodeAndSession() throws Exception {
        Message<?> m = MessageDecoder.decode(wire(HEADER, "{\"code\":\"int x = 1;\",\"silent\":false}"));
        assertEquals(MessageType.EXECUTE_REQUEST, m.getHeader().getType());
        assertEquals("s-42", m.getHeader().getSessionId());
        assertEquals("int x = 1;", ((ExecuteRequest) m.getContent()).getCode());
        assertEquals(1, m.getIdentities().size());
    }

    @Test
    void invalidJsonContentIsRejectedNamingTheFrame() {
        MalformedMessageException e = assertThrows(MalformedMessageException.class,
                () -> MessageDecoder.decode(wire(HEADER, "{not json")));
        assertEquals("the content frame is not valid JSON", e.getMessage());
    }

    @Test
    void contentThatIsNotAnObjectIsRejected() {
        MalformedMessageException e = assertThrows(MalformedMessageException.class,
                () -> MessageDecoder.decode(wire(HEADER, "[]")));
        assertEquals("the content frame is not a JSON object", e.getMessage());
    }

    @Test
    void aHeaderWithoutMessageTypeIsRejected() {
        MalformedMessageException e = assertThrows(MalformedMessageException.class,
                () -> MessageDecoder.decode(wire("{\"msg_id\":\"1\",\"session\":\"s\"}", "{}")));
        assertEquals("the header has no msg_type", e.getMessage());
    }

    @Test
    void aFieldOfTheWrongTypeIsRejectedNotThrownAsRuntimeException() {
        MalformedMessageException e = assertThrows(MalformedMessageException.class,
                () -> MessageDecoder.decode(wire(HEADER, "{\"code\":{\"nested\":true}}")));
        assertTrue(e.getMessage().startsWith("fields of the wrong JSON type"), e.getMessage());
    }

    @Test
    void anUnknownTypeDecodesAsUnknownWithoutContent() throws Exception {
        Message<?> m = MessageDecoder.decode(wire(HEADER.replace("execute_request", "frobnicate_request"), "{}"));
        assertEquals(MessageType.UNKNOWN, m.getHeader().getType());
        assertNull(m.getContent());
    }
}
