package org.hamster.chain.client;

import org.hamster.common.ErrorCode;

/** The node answered a request with a JSON-RPC error object. */
public class RpcException extends ChainClientException {
    private static final long serialVersionUID = 1L;
    private final String method;
    private final int rpcCode;
    private final String rpcMessage;
    private final String data;

    public RpcException(String method, int rpcCode, String rpcMessage, String data) {
        super(ErrorCode.RPC, method + " failed: " + rpcMessage + (data == null ? "" : ": " + data)
                + " (code " + rpcCode + ")");
        this.method = method;
        this.rpcCode = rpcCode;
        this.rpcMessage = rpcMessage;
        this.data = data;
    }

    public String method() {
        return method;
    }

    /** The JSON-RPC error code, e.g. -32601 (method not found) or 1010 (invalid transaction). */
    public int rpcCode() {
        return rpcCode;
    }

    public String rpcMessage() {
        return rpcMessage;
    }

    /** The error's {@code data} member as text, or null. */
    public String data() {
        return data;
    }
}
