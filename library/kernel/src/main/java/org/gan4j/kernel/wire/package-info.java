/**
 * The kernel's shell and control sockets, hardened against messages that would confuse or kill jjava-jupyter
 * 1.0-a6's own socket layer: frames are read one ZeroMQ multipart message at a time (never across messages), a
 * message that is malformed, unsigned, wrongly signed or not valid JSON is dropped and logged with its session id
 * while the channel keeps serving, and a request of a type the kernel does not handle gets an error reply.
 *
 * <p>{@link org.gan4j.kernel.wire.WireMessage} and {@link org.gan4j.kernel.wire.MessageDecoder} are pure (frames in,
 * verdict out) and unit-tested; {@link org.gan4j.kernel.wire.GuardedConnection} puts two
 * {@link org.gan4j.kernel.wire.GuardedShellChannel}s in place of the library's shell and control channels.
 */
package org.gan4j.kernel.wire;
