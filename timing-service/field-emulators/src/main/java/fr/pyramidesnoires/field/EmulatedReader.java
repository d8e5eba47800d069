package fr.pyramidesnoires.field;

import fr.pyramidesnoires.events.ChipRead;
import java.io.Closeable;

/**
 * A timing reader played on loopback: the simulator has it read chips, and a mat agent talks to it as to the real
 * one. Reads made while no agent listens are kept in the reader's memory until one does, as decoders keep theirs.
 */
public interface EmulatedReader extends Closeable {

    /** Where the agent finds it, or for a reader that calls its software, where it calls. */
    int port();

    /** The reader reads a chip now: the read is sent as soon as an agent takes it. */
    void emit(ChipRead read);

    /** Reads made that no agent has taken yet. */
    long pending();

    @Override
    void close();
}
