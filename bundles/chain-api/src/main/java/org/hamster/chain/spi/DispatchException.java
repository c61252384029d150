package org.hamster.chain.spi;

import java.util.function.ToIntFunction;
import org.hamster.chain.DispatchError;

/** A call failed; the runtime rolls back everything the call wrote. */
public class DispatchException extends Exception {
    private static final long serialVersionUID = 1L;
    private final transient ModuleError moduleError;
    private final DispatchError error;

    public DispatchException(ModuleError moduleError) {
        super(moduleError.pallet() + "." + moduleError.name(), null, false, false);
        this.moduleError = moduleError;
        this.error = null;
    }

    public DispatchException(DispatchError error) {
        super(error.description(), null, false, false);
        this.moduleError = null;
        this.error = error;
    }

    /** The pallet error, or null for a system-level error. */
    public ModuleError moduleError() {
        return moduleError;
    }

    /** The system-level error, or null for a pallet error (the runtime resolves the pallet index). */
    public DispatchError systemError() {
        return error;
    }

    public static DispatchException badOrigin() {
        return new DispatchException(DispatchError.badOrigin());
    }

    /** An address that does not resolve to an account (e.g. a MultiAddress other than Id). */
    public static DispatchException cannotLookup() {
        return new DispatchException(new DispatchError(DispatchError.Kind.CANNOT_LOOKUP, 0, 0, "CannotLookup"));
    }

    /** The on-chain error: a module error gets the index that {@code palletIndex} gives its pallet's name. */
    public DispatchError toDispatchError(ToIntFunction<String> palletIndex) {
        if (moduleError == null) {
            return error;
        }
        return new DispatchError(DispatchError.Kind.MODULE, palletIndex.applyAsInt(moduleError.pallet()),
                moduleError.index(), moduleError.pallet() + "." + moduleError.name());
    }

    public static DispatchException overflow() {
        return new DispatchException(DispatchError.arithmetic(DispatchError.OVERFLOW));
    }

    public static DispatchException underflow() {
        return new DispatchException(DispatchError.arithmetic(DispatchError.UNDERFLOW));
    }
}
