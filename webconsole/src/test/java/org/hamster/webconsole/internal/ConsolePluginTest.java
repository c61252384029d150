package org.hamster.webconsole.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Proxy;
import java.math.BigInteger;
import java.time.Instant;
import java.util.List;
import org.hamster.client.Amount;
import org.hamster.client.Client;
import org.hamster.client.ClientStatus;
import org.hamster.client.LinkView;
import org.hamster.gateway.Bandwidth;
import org.hamster.gateway.Gateway;
import org.hamster.gateway.GatewayStatus;
import org.hamster.gateway.PeerView;
import org.hamster.provider.LeaseView;
import org.hamster.provider.Provider;
import org.hamster.provider.ProviderManagement;
import org.hamster.provider.ProviderStatus;
import org.junit.jupiter.api.Test;

/** The console page from the sections present, each role's state from its service. */
class ConsolePluginTest {
    @Test
    void theSummaryNamesTheRolesPresentInOrder() {
        ChainSection chain = new ChainSection();
        String page = ConsolePlugin.render(List.of(new ClientSection(client()), chain, new GatewaySection(gateway()),
                new ProviderSection(provider())));
        assertTrue(page.startsWith("<p class=\"statline\">This instance runs: gateway, provider, client.</p>"), page);
        assertTrue(page.contains("<a href=\"/hamster/\">"), page);
        assertTrue(page.indexOf(">Chain client<") < page.indexOf(">Gateway<"), page);
        assertTrue(page.indexOf(">Provider<") < page.indexOf(">Client<"), page);
        assertTrue(page.contains("not connected yet"), page);
        assertEquals("<p class=\"statline\">This instance runs no Hamster role.</p>",
                ConsolePlugin.render(List.of()).lines().findFirst().orElseThrow());
    }

    @Test
    void eachRolesState() {
        String gateway = render(new GatewaySection(gateway()));
        assertTrue(gateway.contains("<td>Registration</td><td>REGISTERED: heartbeating</td>"), gateway);
        assertTrue(gateway.contains("<td>Traffic in / out</td><td>1,048,576 B / 2,048 B</td>"), gateway);
        assertTrue(gateway.contains("<td>12D3KooWpeer</td><td>/ip4/127.0.0.1/tcp/4001</td><td>INBOUND (relayed)</td>"),
                gateway);
        String provider = render(new ProviderSection(provider()));
        assertTrue(provider.contains("<td>Leases</td><td>1</td>"), provider);
        assertTrue(provider.contains("<td>order-7</td><td>7</td><td>3</td>"), provider);
        assertTrue(provider.contains("<td>State</td><td>RUNNING</td>"), provider);
        String unconfigured = render(new ProviderSection(provider(ProviderStatus.notRunning(
                ProviderStatus.State.UNCONFIGURED, "no account is set; set account & passwordFile", "docker",
                List.of("docker")))));
        assertTrue(unconfigured.contains("<td>State</td><td>UNCONFIGURED</td>"), unconfigured);
        assertTrue(unconfigured.contains("<td>Reason</td><td>no account is set; set account &amp; passwordFile</td>"),
                unconfigured);
        assertTrue(unconfigured.contains("Not running") && !unconfigured.contains("Provider leases"), unconfigured);
        String client = render(new ClientSection(client()));
        assertTrue(client.contains("<td>Balance (free / reserved)</td><td>1.5 HAM / 0 HAM</td>"), client);
        assertTrue(client.contains("ssh -p 2222 root@127.0.0.1"), client);
    }

    @Test
    void aFailingSectionIsShownNotThrown() {
        Section broken = new GatewaySection(null);
        String page = ConsolePlugin.render(List.of(broken));
        assertTrue(page.contains("The gateway section failed"), page);
    }

    @Test
    void valuesAreEscaped() {
        assertEquals("&lt;script&gt;&amp;&quot;&#39;", Html.escape("<script>&\"'"));
        assertEquals("-", Html.escape(null));
    }

    private static String render(Section section) {
        Html html = new Html();
        section.render(html);
        return html.toString();
    }

    static Gateway gateway() {
        GatewayStatus status = new GatewayStatus("12D3KooWgw", List.of("/ip4/0.0.0.0/tcp/4001"),
                "/ip4/127.0.0.1/tcp/4001/p2p/12D3KooWgw", "5Alice", new GatewayStatus.Registration(
                        GatewayStatus.State.REGISTERED, "heartbeating", Instant.EPOCH, 3), 1, 0, Instant.EPOCH);
        PeerView peer = new PeerView("12D3KooWpeer", "/ip4/127.0.0.1/tcp/4001", "INBOUND", true, 2, 10, 20, null);
        return new Gateway() {
            public GatewayStatus status() {
                return status;
            }

            public List<PeerView> peers() {
                return List.of(peer);
            }

            public List<org.hamster.gateway.CircuitView> circuits() {
                return List.of();
            }

            public Bandwidth bandwidth() {
                return new Bandwidth(1 << 20, 2048, 0, 0, 0, List.of());
            }
        };
    }

    static Provider provider() {
        return provider(new ProviderStatus("12D3KooWprov", "5Bob", List.of(), "docker", List.of("docker"), null,
                "serving 1 lease"));
    }

    static Provider provider(ProviderStatus status) {
        LeaseView lease = new LeaseView("order-7", 7, 3, 0, "5Charlie", "docker", 2222, "RUNNING", null, "LATE");
        return new Provider() {
            public ProviderStatus status() {
                return status;
            }

            public List<LeaseView> leases() {
                return List.of(lease);
            }

            public ProviderManagement management() {
                throw new UnsupportedOperationException();
            }
        };
    }

    static Client client() {
        Amount zero = new Amount("0", "0 HAM");
        ClientStatus status = new ClientStatus("tenant", "5Charlie", true, "ws://127.0.0.1:9944", true,
                new ClientStatus.Balance(new Amount(BigInteger.valueOf(1_500_000_000_000L).toString(), "1.5 HAM"),
                        zero, zero), "12D3KooWcli", 1, "ready");
        LinkView link = new LinkView(3, 2222, "12D3KooWprov", LinkView.Route.DIRECT, null, "/ip4/127.0.0.1/tcp/1", 1,
                0, 0, 10, 20, null, "ssh -p 2222 root@127.0.0.1");
        return (Client) Proxy.newProxyInstance(ConsolePluginTest.class.getClassLoader(), new Class<?>[] {Client.class},
                (proxy, method, args) -> switch (method.getName()) {
                    case "status" -> status;
                    case "links" -> List.of(link);
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }
}
