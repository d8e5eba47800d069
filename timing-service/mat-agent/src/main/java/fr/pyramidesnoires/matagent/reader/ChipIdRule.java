package fr.pyramidesnoires.matagent.reader;

import java.math.BigInteger;
import java.util.Locale;

/**
 * How the code a reader sends becomes the chip id printed on the chip, which is what registration hands out: a
 * RAIN reader sends the whole EPC in hexadecimal where the chip shows its last digits, a decoder its transponder
 * code as is. Set per mat in the agent's configuration.
 */
public sealed interface ChipIdRule {

    String chipId(String code);

    /**
     * @param rule {@code as-printed}, {@code last:N} (the last N characters), {@code strip-prefix:P} or
     *             {@code hex-to-decimal}
     */
    static ChipIdRule of(String rule) {
        String[] parts = rule.strip().split(":", 2);
        return switch (parts[0]) {
            case "as-printed" -> new AsPrinted();
            case "last" -> new Last(Integer.parseInt(parts[1]));
            case "strip-prefix" -> new StripPrefix(parts[1].toUpperCase(Locale.ROOT));
            case "hex-to-decimal" -> new HexToDecimal();
            default -> throw new IllegalArgumentException("Unknown chip id rule '" + rule
                    + "': as-printed, last:N, strip-prefix:P or hex-to-decimal");
        };
    }

    /** The code itself, without the blanks and case a reader may add. */
    record AsPrinted() implements ChipIdRule {
        @Override
        public String chipId(String code) {
            return code.strip().toUpperCase(Locale.ROOT);
        }
    }

    record Last(int characters) implements ChipIdRule {
        public Last {
            if (characters < 1) {
                throw new IllegalArgumentException("last:N needs N of at least 1");
            }
        }

        @Override
        public String chipId(String code) {
            String printed = new AsPrinted().chipId(code);
            return printed.length() <= characters ? printed : printed.substring(printed.length() - characters);
        }
    }

    record StripPrefix(String prefix) implements ChipIdRule {
        @Override
        public String chipId(String code) {
            String printed = new AsPrinted().chipId(code);
            return printed.startsWith(prefix) ? printed.substring(prefix.length()) : printed;
        }
    }

    /** An EPC whose digits the chip shows in decimal. */
    record HexToDecimal() implements ChipIdRule {
        @Override
        public String chipId(String code) {
            return new BigInteger(new AsPrinted().chipId(code), 16).toString();
        }
    }
}
