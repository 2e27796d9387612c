package org.gan4j.train;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Runs a test class with one ND4J thread and restores the previous setting afterwards. The test networks are tiny:
 * one thread is faster, and on a busy 2-core machine several times faster (measured: 150 ring steps 109 s with two
 * threads under load, 15 s with one).
 */
public final class SingleNd4jThread implements BeforeAllCallback, AfterAllCallback {
    private int previous;

    @Override
    public void beforeAll(ExtensionContext context) {
        previous = Nd4j.getEnvironment().maxMasterThreads();
        Nd4j.getEnvironment().setMaxMasterThreads(1);
    }

    @Override
    public void afterAll(ExtensionContext context) {
        Nd4j.getEnvironment().setMaxMasterThreads(previous);
    }
}
