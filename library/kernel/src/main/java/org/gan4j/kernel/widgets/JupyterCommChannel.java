package org.gan4j.kernel.widgets;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import com.google.gson.JsonObject;

import org.dflib.jjava.jupyter.channels.ReplyEnvironment;
import org.dflib.jjava.jupyter.kernel.comm.Comm;
import org.dflib.jjava.jupyter.kernel.comm.CommManager;
import org.dflib.jjava.jupyter.messages.Message;
import org.dflib.jjava.jupyter.messages.MessageContext;
import org.dflib.jjava.jupyter.messages.comm.CommCloseCommand;
import org.dflib.jjava.jupyter.messages.comm.CommMsgCommand;
import org.dflib.jjava.jupyter.messages.comm.CommOpenCommand;

/**
 * jjava's comm manager made safe for widgets: its maps are concurrent (widgets change from any thread), comms open
 * with data, metadata and binary buffers, and every comm message reaches a {@link WidgetManager}. What the kernel
 * sends while it handles a frontend message names that message as its parent (as ipykernel does); anything else names
 * the running (or last) cell's request, or else the frontend's last comm message.
 */
public final class JupyterCommChannel extends CommManager implements WidgetChannel {

    private volatile WidgetManager receiver;
    private volatile MessageContext lastFrontendMessage;
    /** The frontend message the current thread is handling: what it sends meanwhile answers that message. */
    private final ThreadLocal<MessageContext> handling = new ThreadLocal<>();

    /** Creates the manager with no receiver yet ({@link #deliverTo}). */
    public JupyterCommChannel() {
        this.targets = new ConcurrentHashMap<>();
        this.comms = new ConcurrentHashMap<>();
        registerTarget(WidgetManager.VERSION_TARGET, (manager, id, target, message) -> {
            WidgetComm comm = new WidgetComm(id, target);
            registerComm(comm);
            lastFrontendMessage = message;
            WidgetManager r = receiver;
            if (r != null) {
                r.frontendOpened(id, target);
            }
            return comm;
        });
    }

    /** @param manager the manager that receives frontend messages */
    public void deliverTo(WidgetManager manager) {
        this.receiver = manager;
    }

    private MessageContext parent() {
        MessageContext h = handling.get();
        if (h != null) {
            return h;
        }
        MessageContext c = context;
        return c != null ? c : lastFrontendMessage;
    }

    @Override
    public void open(String commId, String target, JsonObject data, Map<String, Object> metadata,
            List<byte[]> buffers) {
        if (iopub == null) {
            return;
        }
        registerComm(new WidgetComm(commId, target));
        CommOpenCommand content = new CommOpenCommand(commId, target, data);
        iopub.sendMessage(new Message<>(parent(), CommOpenCommand.MESSAGE_TYPE, content,
                buffers.isEmpty() ? null : buffers, metadata.isEmpty() ? null : metadata));
    }

    @Override
    public void send(String commId, JsonObject data, List<byte[]> buffers) {
        if (iopub == null) {
            return;
        }
        CommMsgCommand content = new CommMsgCommand(commId, data);
        iopub.sendMessage(new Message<>(parent(), CommMsgCommand.MESSAGE_TYPE, content,
                buffers.isEmpty() ? null : buffers, null));
    }

    @Override
    public void close(String commId) {
        if (unregisterComm(commId) == null || iopub == null) {
            return;
        }
        iopub.sendMessage(new Message<>(parent(), CommCloseCommand.MESSAGE_TYPE,
                new CommCloseCommand(commId, new JsonObject())));
    }

    @Override
    public void handleCommMsgCommand(ReplyEnvironment env, Message<CommMsgCommand> message) {
        answering(message, () -> super.handleCommMsgCommand(env, message));
    }

    @Override
    public void handleCommOpenCommand(ReplyEnvironment env, Message<CommOpenCommand> message) {
        answering(message, () -> super.handleCommOpenCommand(env, message));
    }

    private void answering(Message<?> message, Runnable handler) {
        lastFrontendMessage = message;
        handling.set(message);
        try {
            handler.run();
        } finally {
            handling.remove();
        }
    }

    /** A comm whose messages go to the widget manager. */
    private final class WidgetComm extends Comm {

        WidgetComm(String id, String target) {
            super(JupyterCommChannel.this, id, target);
        }

        @Override
        protected void onMessage(Message<CommMsgCommand> message) {
            WidgetManager r = receiver;
            if (r != null) {
                r.receive(getID(), message.getContent().getData(), message.getBlobs());
            }
        }

        @Override
        protected void onClose(Message<CommCloseCommand> closeMessage, boolean sending) {
            WidgetManager r = receiver;
            if (r != null && !sending) {
                r.frontendClosed(getID());
            }
        }
    }
}
