package org.gan4j.kernel.protocol;

import java.util.List;
import java.util.Map;

import com.google.gson.Gson;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;

import org.dflib.jjava.jupyter.channels.DefaultReplyEnvironment;
import org.dflib.jjava.jupyter.channels.ReplyEnvironment;
import org.dflib.jjava.jupyter.messages.Message;
import org.dflib.jjava.jupyter.messages.MessageContext;
import org.dflib.jjava.jupyter.messages.MessageType;

/**
 * Sends messages whose content is plain JSON, so that every field the protocol requires is present (the library's
 * reply classes leave out {@code status} and shape history entries wrongly).
 */
public final class Replies {

    private static final Gson GSON = new Gson();

    private Replies() {
    }

    /**
     * Builds a message of {@code type} with {@code content}, addressed like a reply to the request in {@code env}.
     *
     * @param env     the reply environment of the request being answered
     * @param type    the message type
     * @param content the message content
     * @return the message
     */
    @SuppressWarnings({"unchecked", "rawtypes"})
    public static Message<?> message(ReplyEnvironment env, MessageType<?> type, JsonObject content) {
        MessageContext context = ((DefaultReplyEnvironment) env).getContext();
        return new Message(context, (MessageType) type, content);
    }

    /** Sends {@code content} as the reply to the request in {@code env} (on the socket the request came in). */
    public static void reply(ReplyEnvironment env, MessageType<?> type, JsonObject content) {
        env.reply(message(env, type, content));
    }

    /** Publishes {@code content} on IOPub with the request in {@code env} as parent. */
    public static void publish(ReplyEnvironment env, MessageType<?> type, JsonObject content) {
        env.publish(message(env, type, content));
    }

    /** @return {@code {"status": "ok"}} */
    public static JsonObject ok() {
        JsonObject o = new JsonObject();
        o.addProperty("status", "ok");
        return o;
    }

    /**
     * @return an error content: {@code status} "error", {@code ename}, {@code evalue}, {@code traceback}
     */
    public static JsonObject error(String ename, String evalue, List<String> traceback) {
        JsonObject o = new JsonObject();
        o.addProperty("status", "error");
        o.addProperty("ename", ename);
        o.addProperty("evalue", evalue);
        o.add("traceback", strings(traceback));
        return o;
    }

    /** @return a JSON array of strings */
    public static JsonArray strings(List<String> values) {
        JsonArray a = new JsonArray();
        values.forEach(a::add);
        return a;
    }

    /** @return a JSON object with the given entries (values converted with Gson) */
    public static JsonObject object(Map<String, ?> values) {
        JsonObject o = new JsonObject();
        values.forEach((k, v) -> o.add(k, toJson(v)));
        return o;
    }

    /** @return {@code value} as JSON */
    public static JsonElement toJson(Object value) {
        return value instanceof JsonElement ? (JsonElement) value : GSON.toJsonTree(value);
    }
}
