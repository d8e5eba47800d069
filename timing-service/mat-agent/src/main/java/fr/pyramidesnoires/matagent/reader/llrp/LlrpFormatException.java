package fr.pyramidesnoires.matagent.reader.llrp;

import java.io.IOException;

/** Bytes that are no LLRP as the 1.0.1 specification has it: the conversation cannot trust what follows. */
final class LlrpFormatException extends IOException {

    LlrpFormatException(String why) {
        super(why);
    }
}
