/**
 * Jupyter protocol pieces the kernel answers itself because {@code jjava-jupyter} 1.0-a6 gets them wrong: complete
 * reply contents (every reply with {@code status}), the in-memory input history with protocol-shaped entries, and
 * helpers to send raw JSON replies through the library's channels.
 */
package org.gan4j.kernel.protocol;
