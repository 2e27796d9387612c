package org.gan4j.kernel.wire;

import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.util.function.Consumer;

import org.dflib.jjava.jupyter.channels.JupyterConnection;
import org.dflib.jjava.jupyter.kernel.KernelConnectionProperties;
import org.dflib.jjava.jupyter.messages.Message;
import org.dflib.jjava.jupyter.messages.publish.PublishStatus;
import org.zeromq.ZMQ;

/**
 * jjava-jupyter's connection with {@link GuardedShellChannel}s serving the shell and control ports; heartbeat, stdin
 * and IOPub stay the library's. The library's own shell and control sockets are created by its constructor but never
 * bound.
 */
public final class GuardedConnection extends JupyterConnection {

    private final KernelConnectionProperties props;
    private final ZMQ.Context context = ZMQ.context(1);
    private final GuardedShellChannel guardedShell;
    private final GuardedShellChannel guardedControl;
    private boolean connected;

    /**
     * @param props the connection file's contents
     * @param log   where dropped messages are reported
     * @throws NoSuchAlgorithmException if the signature scheme is not supported
     * @throws InvalidKeyException      if the key is not usable
     */
    public GuardedConnection(KernelConnectionProperties props, Consumer<String> log)
            throws NoSuchAlgorithmException, InvalidKeyException {
        super(props);
        this.props = props;
        this.guardedShell = new GuardedShellChannel(context, props.createHMACGenerator(), false, this, log);
        this.guardedControl = new GuardedShellChannel(context, props.createHMACGenerator(), true, this, log);
    }

    @Override
    public synchronized void connect() {
        if (connected) {
            return;
        }
        heartbeat.bind(props);
        guardedShell.bind(props);
        guardedControl.bind(props);
        stdin.bind(props);
        iopub.bind(props);
        iopub.sendMessage(new Message<>(null, PublishStatus.MESSAGE_TYPE, PublishStatus.STARTING));
        connected = true;
    }

    /**
     * Closes every channel. May be called from a channel's own thread (a shutdown request): that channel closes its
     * socket when its handler returns, and the ZeroMQ context is closed in the background once it has.
     */
    @Override
    public void close() {
        guardedControl.close();
        guardedShell.close();
        Thread closer = new Thread(() -> {
            guardedShell.waitUntilClose();
            guardedControl.waitUntilClose();
            context.close();
        }, "gan4j-zmq-close");
        closer.setDaemon(true);
        closer.start();
        super.close();
    }

    @Override
    public void waitUntilClose() {
        guardedShell.waitUntilClose();
        guardedControl.waitUntilClose();
        super.waitUntilClose();
    }
}
