package org.gan4j.kernel.wire;

import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

import org.dflib.jjava.jupyter.channels.JupyterConnection;
import org.dflib.jjava.jupyter.channels.ShellChannel;
import org.dflib.jjava.jupyter.channels.ShellHandler;
import org.dflib.jjava.jupyter.channels.ShellReplyEnvironment;
import org.dflib.jjava.jupyter.kernel.KernelConnectionProperties;
import org.dflib.jjava.jupyter.messages.HMACGenerator;
import org.dflib.jjava.jupyter.messages.Header;
import org.dflib.jjava.jupyter.messages.Message;
import org.dflib.jjava.jupyter.messages.MessageType;
import org.zeromq.ZMQ;

/**
 * A shell or control channel (a ZeroMQ ROUTER socket) that reads one multipart message at a time, drops and logs
 * every message that is malformed, unsigned, wrongly signed or not valid JSON, answers requests it has no handler for
 * with an error reply, and survives any exception of a handler. Replies go out through the library's
 * {@link #sendMessage(Message)}, so {@link ShellReplyEnvironment} works unchanged.
 */
public final class GuardedShellChannel extends ShellChannel {

    private static final long POLL_MILLIS = 100;
    private static final long CLOSE_WAIT_MILLIS = 5_000;

    private final boolean control;
    private final JupyterConnection connection;
    private final HMACGenerator hmac;
    private final Consumer<String> log;
    private volatile boolean running;
    private volatile Thread loop;

    /**
     * @param context    the ZeroMQ context the socket belongs to
     * @param hmac       signs and checks messages with the connection's key
     * @param control    whether this is the control channel (else the shell channel)
     * @param connection where the handlers are registered
     * @param log        where dropped messages and handler failures are reported (the kernel's log)
     */
    public GuardedShellChannel(ZMQ.Context context, HMACGenerator hmac, boolean control, JupyterConnection connection,
                               Consumer<String> log) {
        super(context, hmac, control, connection);
        this.control = control;
        this.connection = connection;
        this.hmac = hmac;
        this.log = log;
    }

    private String name() {
        return control ? "control" : "shell";
    }

    @Override
    public void bind(KernelConnectionProperties props) {
        if (loop != null) {
            throw new IllegalStateException("the " + name() + " channel is already bound");
        }
        bind(props.getTransport() + "://" + props.getIp() + ":"
                + (control ? props.getControlPort() : props.getShellPort()));
        ZMQ.Poller poller = ctx.poller(1);
        poller.register(this, ZMQ.Poller.POLLIN);
        running = true;
        Thread t = new Thread(() -> serve(poller), "gan4j-" + name());
        t.setDaemon(true);
        loop = t;
        t.start();
    }

    private void serve(ZMQ.Poller poller) {
        try {
            while (running) {
                if (poller.poll(POLL_MILLIS) <= 0 || !running) {
                    continue;
                }
                List<byte[]> frames = readOneMessage();
                if (frames != null) {
                    handle(frames);
                }
            }
        } catch (RuntimeException closedUnderUs) {
            if (running) {
                log.accept(name() + " channel stopped: " + closedUnderUs);
            }
        } finally {
            poller.close();
            synchronized (this) {
                if (!closed) {
                    super.close();
                }
            }
        }
    }

    /** Reads the frames of exactly one multipart message (ZeroMQ delivers a multipart message whole or not at all). */
    private synchronized List<byte[]> readOneMessage() {
        if (closed) {
            return null;
        }
        List<byte[]> frames = new ArrayList<>();
        byte[] frame = recv(ZMQ.DONTWAIT);
        if (frame == null) {
            return null;
        }
        frames.add(frame);
        while (hasReceiveMore()) {
            frames.add(recv(0));
        }
        return frames;
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private void handle(List<byte[]> frames) {
        WireMessage wire;
        Message<?> message;
        try {
            wire = WireMessage.split(frames);
        } catch (MalformedMessageException e) {
            log.accept("dropped a message on the " + name() + " channel from peer " + peer(frames) + " (session ?): "
                    + e.getMessage());
            return;
        }
        try {
            wire.verify(parts -> hmac.calculateSignature(parts));
            message = MessageDecoder.decode(wire);
        } catch (MalformedMessageException e) {
            log.accept("dropped a message of type " + wire.messageType() + " on the " + name() + " channel from peer "
                    + peer(frames) + " (session " + wire.sessionId() + "): " + e.getMessage());
            return;
        }
        MessageType<?> type = message.getHeader().getType();
        ShellHandler handler = type == MessageType.UNKNOWN ? null : connection.getHandler(type);
        if (handler == null) {
            unhandled(wire);
            return;
        }
        ShellReplyEnvironment env = connection.prepareReplyEnv(this, message);
        try {
            handler.handle(env, message);
        } catch (Throwable e) {
            log.accept("the " + type.getName() + " handler failed (session " + wire.sessionId() + "): " + e);
        } finally {
            try {
                env.resolveDeferrals();
            } catch (RuntimeException e) {
                log.accept("could not finish the reply to " + type.getName() + ": " + e);
            }
        }
        if (env.isMarkedForShutdown()) {
            connection.close();
        }
    }

    /**
     * A request the kernel has no handler for gets {@code <name>_reply} with status {@code error}, so a client waiting
     * for the reply is not left hanging; other message types are logged and ignored.
     */
    private void unhandled(WireMessage wire) {
        String type = wire.messageType();
        if (!type.endsWith("_request")) {
            log.accept("ignored a " + type + " message on the " + name() + " channel (session " + wire.sessionId()
                    + "): the kernel does not handle it");
            return;
        }
        String replyType = type.substring(0, type.length() - "_request".length()) + "_reply";
        JsonObject content = new JsonObject();
        content.addProperty("status", "error");
        content.addProperty("ename", "UnknownMessageType");
        content.addProperty("evalue", "the gan4j kernel does not handle " + type);
        content.add("traceback", new JsonArray());
        JsonObject header = new JsonObject();
        header.addProperty("msg_id", UUID.randomUUID().toString());
        header.addProperty("msg_type", replyType);
        header.addProperty("username", Header.KERNEL_USERNAME);
        header.addProperty("session", wire.sessionId());
        header.addProperty("date", ZonedDateTime.now(ZoneOffset.UTC).format(DateTimeFormatter.ISO_OFFSET_DATE_TIME));
        header.addProperty("version", Header.PROTOCOL_VERISON);
        byte[] headerRaw = bytes(header);
        byte[] parentRaw = bytes(JsonParser.parseString(new String(wire.header(), StandardCharsets.UTF_8))
                .getAsJsonObject());
        byte[] metadataRaw = "{}".getBytes(StandardCharsets.UTF_8);
        byte[] contentRaw = bytes(content);
        String signature = hmac.calculateSignature(headerRaw, parentRaw, metadataRaw, contentRaw);
        synchronized (this) {
            if (closed) {
                return;
            }
            for (byte[] id : wire.identities()) {
                sendMore(id);
            }
            sendMore(WireMessage.DELIMITER);
            sendMore((signature == null ? "" : signature).getBytes(StandardCharsets.US_ASCII));
            sendMore(headerRaw);
            sendMore(parentRaw);
            sendMore(metadataRaw);
            send(contentRaw);
        }
        log.accept("answered " + type + " (session " + wire.sessionId() + ") with an error: not handled");
    }

    private static byte[] bytes(JsonObject o) {
        return o.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static String peer(List<byte[]> frames) {
        byte[] id = frames.isEmpty() ? new byte[0] : frames.get(0);
        return HexFormat.of().formatHex(id, 0, Math.min(id.length, 16));
    }

    /** Stops the channel's thread (waiting up to 5 s unless called from it) and closes the socket. */
    @Override
    public void close() {
        running = false;
        Thread t = loop;
        if (t != null && t != Thread.currentThread()) {
            try {
                t.join(CLOSE_WAIT_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            if (t.isAlive()) {
                log.accept("the " + name() + " channel is still busy after " + CLOSE_WAIT_MILLIS
                        + " ms; its socket closes with the process");
                return;
            }
        }
        synchronized (this) {
            if (!closed && t == null) {
                super.close();
            }
        }
    }

    /** @return whether the socket is closed */
    public synchronized boolean isClosed() {
        return closed;
    }

    @Override
    public void waitUntilClose() {
        Thread t = loop;
        if (t != null) {
            try {
                t.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
