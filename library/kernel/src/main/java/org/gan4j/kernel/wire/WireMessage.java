package org.gan4j.kernel.wire;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;

/**
 * The frames of one ZeroMQ multipart message split the way the Jupyter wire protocol lays them out:
 * {@code identities… <IDS|MSG> signature header parent_header metadata content buffers…}.
 *
 * <p>Splitting never looks beyond the frames it is given, so one message can never swallow the next one's frames.
 *
 * @param identities the routing identities before the delimiter (at least the peer's, on a ROUTER socket)
 * @param signature  the HMAC signature frame, as sent (lower-case hex, or empty when the connection has no key)
 * @param header     the header frame (JSON)
 * @param parent     the parent header frame (JSON)
 * @param metadata   the metadata frame (JSON)
 * @param content    the content frame (JSON)
 * @param buffers    the binary buffers after the content
 */
public record WireMessage(List<byte[]> identities, byte[] signature, byte[] header, byte[] parent, byte[] metadata,
                          byte[] content, List<byte[]> buffers) {

    /** The frame that ends the routing identities: {@code <IDS|MSG>}. */
    public static final byte[] DELIMITER = "<IDS|MSG>".getBytes(StandardCharsets.US_ASCII);

    /** Copies the lists, so the record cannot change. */
    public WireMessage {
        identities = List.copyOf(identities);
        buffers = List.copyOf(buffers);
    }

    /**
     * Splits the frames of one multipart message.
     *
     * @param frames every frame of exactly one ZeroMQ multipart message, in order
     * @return the parts
     * @throws MalformedMessageException if there is no {@code <IDS|MSG>} delimiter or fewer than the five frames the
     *                                   protocol requires after it
     */
    public static WireMessage split(List<byte[]> frames) throws MalformedMessageException {
        int delimiter = -1;
        for (int i = 0; i < frames.size(); i++) {
            if (Arrays.equals(DELIMITER, frames.get(i))) {
                delimiter = i;
                break;
            }
        }
        if (delimiter < 0) {
            throw new MalformedMessageException("no <IDS|MSG> delimiter among its " + frames.size() + " frame(s)");
        }
        int after = frames.size() - delimiter - 1;
        if (after < 5) {
            throw new MalformedMessageException("only " + after + " frame(s) after <IDS|MSG>, expected at least 5 "
                    + "(signature, header, parent_header, metadata, content)");
        }
        int s = delimiter + 1;
        return new WireMessage(new ArrayList<>(frames.subList(0, delimiter)), frames.get(s), frames.get(s + 1),
                frames.get(s + 2), frames.get(s + 3), frames.get(s + 4), new ArrayList<>(frames.subList(s + 5,
                frames.size())));
    }

    /**
     * Checks the signature in constant time.
     *
     * @param sign computes the expected hex signature of header, parent header, metadata and content; returns
     *             {@code null} when the connection has no key (then every message is accepted, as the protocol says)
     * @throws MalformedMessageException if the signature is missing or wrong
     */
    public void verify(Function<byte[][], String> sign) throws MalformedMessageException {
        String expected = sign.apply(new byte[][] {header, parent, metadata, content});
        if (expected == null) {
            return;
        }
        if (signature.length == 0) {
            throw new MalformedMessageException("unsigned (the connection has a key)");
        }
        if (!MessageDigest.isEqual(expected.getBytes(StandardCharsets.US_ASCII), signature)) {
            throw new MalformedMessageException("wrong HMAC signature");
        }
    }

    /** @return the header's {@code session}, or {@code "?"} when the header is not a JSON object with one */
    public String sessionId() {
        return headerField("session");
    }

    /** @return the header's {@code msg_type}, or {@code "?"} when the header is not a JSON object with one */
    public String messageType() {
        return headerField("msg_type");
    }

    /** @return the header's {@code msg_id}, or {@code "?"} when the header is not a JSON object with one */
    public String messageId() {
        return headerField("msg_id");
    }

    private String headerField(String name) {
        try {
            JsonElement e = JsonParser.parseString(new String(header, StandardCharsets.UTF_8));
            if (e.isJsonObject()) {
                JsonObject o = e.getAsJsonObject();
                if (o.has(name) && o.get(name).isJsonPrimitive()) {
                    return o.get(name).getAsString();
                }
            }
        } catch (JsonParseException | IllegalStateException notJson) {
            // reported as unknown
        }
        return "?";
    }
}
