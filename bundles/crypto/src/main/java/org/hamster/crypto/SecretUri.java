package org.hamster.crypto;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.hamster.common.ErrorCode;
import org.hamster.common.HamsterException;

/**
 * A Substrate secret URI: {@code <phrase or 0x seed><junctions>[///password]}, for example
 * {@code "<12 words>//hard/soft///pw"}, {@code "0x<64 hex>//stash"} or {@code "//Alice"}, where an omitted
 * phrase stands for {@link #DEV_PHRASE}. Parsing checks the syntax only; {@link KeyDerivation} checks the phrase.
 */
public final class SecretUri {
    /** The well-known development phrase behind {@code //Alice} and friends. */
    public static final String DEV_PHRASE = "bottom drive obey lake curtain smoke basket hold race lonely fit walk";
    private static final Pattern PHRASE = Pattern.compile("[\\p{L}\\p{N}_ ]+");

    private final String phrase;
    private final List<DeriveJunction> junctions;
    private final String password;

    private SecretUri(String phrase, List<DeriveJunction> junctions, String password) {
        this.phrase = phrase;
        this.junctions = List.copyOf(junctions);
        this.password = password;
    }

    public static SecretUri parse(String suri) throws HamsterException {
        if (suri == null) {
            throw new HamsterException(ErrorCode.INVALID_INPUT, "no secret URI given");
        }
        String rest = suri.strip();
        String password = null;
        int pw = rest.indexOf("///");
        if (pw >= 0) {
            password = rest.substring(pw + 3);
            rest = rest.substring(0, pw);
        }
        int slash = rest.indexOf('/');
        String phrase = (slash < 0 ? rest : rest.substring(0, slash)).strip();
        if (phrase.isEmpty()) {
            phrase = DEV_PHRASE;
        } else if (!PHRASE.matcher(phrase).matches()) {
            throw new HamsterException(ErrorCode.INVALID_INPUT,
                    "secret URI: the phrase or seed may hold only letters, digits and spaces");
        }
        List<DeriveJunction> junctions = new ArrayList<>();
        int i = slash < 0 ? rest.length() : slash;
        while (i < rest.length()) {
            boolean hard = i + 1 < rest.length() && rest.charAt(i + 1) == '/';
            int start = i + (hard ? 2 : 1);
            int end = rest.indexOf('/', start);
            end = end < 0 ? rest.length() : end;
            if (end == start) {
                throw new HamsterException(ErrorCode.INVALID_INPUT,
                        "secret URI: derivation junction " + (junctions.size() + 1) + " is empty");
            }
            junctions.add(new DeriveJunction(rest.substring(start, end), hard));
            i = end;
        }
        return new SecretUri(phrase, junctions, password);
    }

    /** The mnemonic phrase, or a {@code 0x}-prefixed hex seed. */
    public String phrase() {
        return phrase;
    }

    public boolean isHexSeed() {
        return phrase.startsWith("0x");
    }

    public List<DeriveJunction> junctions() {
        return junctions;
    }

    /** The {@code ///password}, if any; like Substrate, it only salts a phrase and is ignored with a hex seed. */
    public Optional<String> password() {
        return Optional.ofNullable(password);
    }

    /** Shows the derivation path only: phrase and password are secrets. */
    @Override
    public String toString() {
        return "SecretUri[<secret>" + String.join("", junctions.stream().map(DeriveJunction::toString).toList())
                + (password == null ? "" : "///<password>") + "]";
    }
}
