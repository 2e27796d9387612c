package org.gan4j.kernel.eval;

import java.lang.management.LockInfo;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.util.Locale;

/**
 * Deals with a stopped cell's thread that will not end because its code catches even the forced stop
 * ({@code catch (Throwable t)} in a loop): it keeps stopping it for a moment, then suspends it at an instant when it
 * holds no lock, so it uses no CPU and blocks nobody. {@code Thread.suspend} works up to JDK 19 (JDK 20-22 throw, 23 and later lack it); on later JDKs (and
 * if no lock-free instant is found) the thread is left running and the report says so.
 */
final class ThreadParking {

    private static final int STOP_ATTEMPTS = 20;
    private static final int SUSPEND_ATTEMPTS = 50;
    private static final long PAUSE_MILLIS = 10;
    private static final String WORKER_LOCK = "java.util.concurrent.ThreadPoolExecutor$Worker";

    private ThreadParking() {
    }

    /**
     * @param t a thread that did not end when stopped
     * @return a sentence for the cell's error: whether the thread ended, was suspended, or still runs
     */
    @SuppressWarnings({"removal", "deprecation"})
    static String park(Thread t) {
        for (int i = 0; i < STOP_ATTEMPTS && t.isAlive(); i++) {
            try {
                t.stop();
            } catch (UnsupportedOperationException | LinkageError newerJdk) {
                break;
            }
            pause();
        }
        if (!t.isAlive()) {
            return null;
        }
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        for (int i = 0; i < SUSPEND_ATTEMPTS && t.isAlive(); i++) {
            try {
                t.suspend();
            } catch (UnsupportedOperationException | LinkageError newerJdk) {
                break; // JDK 20-22 throw, JDK 23+ no longer have Thread.suspend
            }
            ThreadInfo[] info = threads.getThreadInfo(new long[] {t.getId()}, true, true);
            boolean holdsLocks = info.length == 1 && info[0] != null && holdsLocks(info[0]);
            if (!holdsLocks) {
                return String.format(Locale.ROOT, "its thread %s caught the forced stop and kept running, so it was "
                        + "suspended (it uses no CPU; restart the kernel to free its memory)", t.getName());
            }
            t.resume();
            pause();
        }
        if (!t.isAlive()) {
            return null;
        }
        return String.format(Locale.ROOT, "its thread %s catches the forced stop and is still running in the "
                + "background (it uses CPU until the kernel is restarted)", t.getName());
    }

    /**
     * Whether the thread holds a monitor or a lock someone else may wait for. The lock every thread-pool worker holds
     * on itself while it runs a task does not count: nobody but the pool waits for it, and only with a time-out.
     */
    static boolean holdsLocks(ThreadInfo info) {
        if (info.getLockedMonitors().length > 0) {
            return true;
        }
        for (LockInfo lock : info.getLockedSynchronizers()) {
            if (!WORKER_LOCK.equals(lock.getClassName())) {
                return true;
            }
        }
        return false;
    }

    private static void pause() {
        try {
            Thread.sleep(PAUSE_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
