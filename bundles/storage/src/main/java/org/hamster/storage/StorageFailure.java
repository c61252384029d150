package org.hamster.storage;

import org.hamster.common.ErrorCode;
import org.hamster.common.HamsterException;

/**
 * An I/O failure of the underlying database (disk full, corrupted files, store closed by its
 * backend). It is unchecked because no caller can continue from it: the node stops importing
 * blocks and the operator has to look at the disk. The cause is always a
 * {@link HamsterException} with {@link ErrorCode#STORAGE}, whose own cause is the backend's error.
 */
public final class StorageFailure extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public StorageFailure(HamsterException cause) {
        super(cause.getMessage(), cause);
    }

    /** Wraps a backend error, describing what was being done (e.g. "commit of 12 ops"). */
    public StorageFailure(String what, Throwable backendError) {
        this(new HamsterException(ErrorCode.STORAGE, backendError, what + ": " + backendError));
    }

    /** The checked form, for boundaries that report {@link HamsterException}s. */
    public HamsterException hamsterException() {
        return (HamsterException) getCause();
    }
}
