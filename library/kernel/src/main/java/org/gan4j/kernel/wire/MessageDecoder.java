package org.gan4j.kernel.wire;

import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonElement;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import com.google.gson.reflect.TypeToken;

import org.dflib.jjava.jupyter.messages.Header;
import org.dflib.jjava.jupyter.messages.KernelTimestamp;
import org.dflib.jjava.jupyter.messages.Message;
import org.dflib.jjava.jupyter.messages.MessageType;
import org.dflib.jjava.jupyter.messages.adapters.HeaderAdapter;
import org.dflib.jjava.jupyter.messages.adapters.HistoryRequestAdapter;
import org.dflib.jjava.jupyter.messages.adapters.KernelTimestampAdapter;
import org.dflib.jjava.jupyter.messages.adapters.MessageTypeAdapter;
import org.dflib.jjava.jupyter.messages.request.HistoryRequest;

/**
 * Turns a split, verified {@link WireMessage} into jjava-jupyter's {@link Message}, with the library's own JSON
 * adapters for headers, message types, timestamps and history requests. Every JSON problem becomes a
 * {@link MalformedMessageException}; nothing else escapes.
 */
public final class MessageDecoder {

    private static final Gson GSON = new GsonBuilder()
            .registerTypeAdapter(KernelTimestamp.class, KernelTimestampAdapter.INSTANCE)
            .registerTypeAdapter(Header.class, HeaderAdapter.INSTANCE)
            .registerTypeAdapter(MessageType.class, MessageTypeAdapter.INSTANCE)
            .registerTypeAdapter(HistoryRequest.class, HistoryRequestAdapter.INSTANCE)
            .create();
    private static final Type JSON_MAP = new TypeToken<Map<String, Object>>() {
    }.getType();

    private MessageDecoder() {
    }

    /**
     * Decodes a message. The header must be a JSON object with {@code msg_id}, {@code msg_type} and
     * {@code session}; parent header, metadata and content must be JSON objects (the parent header may be empty). A
     * {@code msg_type} the library does not know decodes to {@link MessageType#UNKNOWN} with a {@code null} content.
     *
     * @param wire the message's frames
     * @return the message
     * @throws MalformedMessageException if a frame is not the JSON the protocol requires
     */
    @SuppressWarnings({"unchecked", "rawtypes"})
    public static Message<?> decode(WireMessage wire) throws MalformedMessageException {
        JsonElement headerJson = object(wire.header(), "header");
        for (String field : new String[] {"msg_id", "msg_type", "session"}) {
            JsonElement value = headerJson.getAsJsonObject().get(field);
            if (value == null || !value.isJsonPrimitive()) {
                throw new MalformedMessageException("the header has no " + field);
            }
        }
        JsonElement parentJson = object(wire.parent(), "parent_header");
        JsonElement metadataJson = object(wire.metadata(), "metadata");
        JsonElement contentJson = object(wire.content(), "content");
        try {
            Header<?> header = GSON.fromJson(headerJson, Header.class);
            Header<?> parent = parentJson.getAsJsonObject().size() == 0 ? null
                    : GSON.fromJson(parentJson, Header.class);
            Map<String, Object> metadata = GSON.fromJson(metadataJson, JSON_MAP);
            MessageType<?> type = header.getType();
            Object content = type == MessageType.UNKNOWN ? null : GSON.fromJson(contentJson, type.getContentType());
            return new Message(wire.identities(), header, parent, metadata, content, wire.buffers());
        } catch (JsonParseException | IllegalStateException | IllegalArgumentException | NullPointerException
                 | ClassCastException | UnsupportedOperationException e) {
            throw new MalformedMessageException("fields of the wrong JSON type: " + e.getMessage(), e);
        }
    }

    private static JsonElement object(byte[] frame, String name) throws MalformedMessageException {
        JsonElement e;
        try {
            e = JsonParser.parseString(new String(frame, StandardCharsets.UTF_8));
        } catch (JsonParseException notJson) {
            throw new MalformedMessageException("the " + name + " frame is not valid JSON", notJson);
        }
        if (!e.isJsonObject()) {
            throw new MalformedMessageException("the " + name + " frame is not a JSON object");
        }
        return e;
    }
}
