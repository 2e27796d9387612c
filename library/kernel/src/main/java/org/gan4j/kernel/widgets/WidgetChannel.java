package org.gan4j.kernel.widgets;

import java.util.List;
import java.util.Map;

import com.google.gson.JsonObject;

/** Where a {@link WidgetManager}'s comm messages go: the kernel's IOPub socket, or a test's recorder. */
public interface WidgetChannel {

    /** A channel that drops everything: widgets used outside a kernel. */
    WidgetChannel DETACHED = new WidgetChannel() {
        @Override
        public void open(String commId, String target, JsonObject data, Map<String, Object> metadata,
                List<byte[]> buffers) {
        }

        @Override
        public void send(String commId, JsonObject data, List<byte[]> buffers) {
        }

        @Override
        public void close(String commId) {
        }
    };

    /**
     * Sends {@code comm_open}.
     *
     * @param commId   the comm (and model) id
     * @param target   the target name, {@code jupyter.widget}
     * @param data     the comm data
     * @param metadata the message metadata (the protocol version)
     * @param buffers  binary buffers
     */
    void open(String commId, String target, JsonObject data, Map<String, Object> metadata, List<byte[]> buffers);

    /**
     * Sends {@code comm_msg}.
     *
     * @param commId  the comm id
     * @param data    the comm data
     * @param buffers binary buffers
     */
    void send(String commId, JsonObject data, List<byte[]> buffers);

    /**
     * Sends {@code comm_close}.
     *
     * @param commId the comm id
     */
    void close(String commId);
}
