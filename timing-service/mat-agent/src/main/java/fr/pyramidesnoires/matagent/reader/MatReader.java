package fr.pyramidesnoires.matagent.reader;

import java.util.function.BooleanSupplier;

/** One reader of the mat, as the agent runs it: over the network or through a file its software writes. */
public interface MatReader {

    ReaderTap tap();

    /** Takes the reader's reads until told to stop; never ends on the reader's failure. */
    void runUntil(BooleanSupplier stop) throws InterruptedException;
}
