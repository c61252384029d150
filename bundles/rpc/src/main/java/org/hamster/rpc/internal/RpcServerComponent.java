package org.hamster.rpc.internal;

import java.io.IOException;
import java.net.InetSocketAddress;
import org.hamster.chain.ChainService;
import org.hamster.common.HamsterException;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Serves the node's ChainService as JSON-RPC while both the service and the configuration are there; a
 * changed configuration (or a new ChainService) restarts the server. A bad configuration or a port in use
 * fails activation, so the component never runs half-configured.
 */
@Component(immediate = true, service = {}, configurationPid = "org.hamster.rpc")
@Designate(ocd = RpcConfig.class)
public class RpcServerComponent {
    private static final Logger LOG = LoggerFactory.getLogger(RpcServerComponent.class);
    private final RpcServer server;
    private final InetSocketAddress address;

    @Activate
    public RpcServerComponent(@Reference ChainService chain, RpcConfig config) throws HamsterException, IOException {
        this(chain, ServerSettings.from(config));
    }

    RpcServerComponent(ChainService chain, ServerSettings settings) throws IOException {
        this.server = new RpcServer(settings, chain);
        this.address = server.start();
        LOG.info("JSON-RPC listening on ws://{}:{} and http://{}:{}", address.getHostString(), address.getPort(),
                address.getHostString(), address.getPort());
    }

    InetSocketAddress address() {
        return address;
    }

    @Deactivate
    void deactivate() {
        server.close();
        LOG.info("JSON-RPC on port {} stopped", address.getPort());
    }
}
