package org.hamster.backend.kvm.internal;

import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * What this backend records in a domain's {@code <metadata>}, in its own namespace: the lease, its SSH port, when
 * the domain was created and the files made for it. A domain without this element was not made by this backend,
 * whatever its name; with it, a restarted provider rebuilds its view from libvirt alone.
 *
 * @param disk the disk image made for the lease, or null when it has none
 */
record LeaseMetadata(String leaseId, int sshPort, Instant created, Path disk, Path serialLog) {
    static final String NAMESPACE = "urn:x-hamster:backend-kvm:1";
    static final String PREFIX = "hamster";
    static final String ELEMENT = "lease";

    /** Appends {@code <hamster:lease xmlns:hamster="...">...</hamster:lease>} to {@code parent}. */
    void appendTo(Element parent) {
        Document doc = parent.getOwnerDocument();
        Element lease = doc.createElementNS(NAMESPACE, PREFIX + ":" + ELEMENT);
        lease.setAttributeNS("http://www.w3.org/2000/xmlns/", "xmlns:" + PREFIX, NAMESPACE);
        add(lease, "id", leaseId);
        add(lease, "ssh-port", Integer.toString(sshPort));
        add(lease, "created", created.toString());
        if (disk != null) {
            add(lease, "disk", disk.toString());
        }
        add(lease, "serial-log", serialLog.toString());
        parent.appendChild(lease);
    }

    /** The metadata in a domain's XML (as libvirt returns it), or empty if the domain is not one of ours. */
    static Optional<LeaseMetadata> fromDomainXml(String domainXml) {
        Document doc = Xml.parse(domainXml);
        NodeList found = doc.getElementsByTagNameNS(NAMESPACE, ELEMENT);
        for (int i = 0; i < found.getLength(); i++) {
            Element lease = (Element) found.item(i);
            Node parent = lease.getParentNode();
            if (parent != null && "metadata".equals(parent.getLocalName()) && parent.getNamespaceURI() == null) {
                return parse(lease);
            }
        }
        return Optional.empty();
    }

    private static Optional<LeaseMetadata> parse(Element lease) {
        String id = text(lease, "id");
        String port = text(lease, "ssh-port");
        String created = text(lease, "created");
        String log = text(lease, "serial-log");
        if (id == null || port == null || created == null || log == null) {
            return Optional.empty();
        }
        try {
            String disk = text(lease, "disk");
            return Optional.of(new LeaseMetadata(id, Integer.parseInt(port), Instant.parse(created),
                    disk == null ? null : Path.of(disk), Path.of(log)));
        } catch (NumberFormatException | DateTimeParseException e) {
            return Optional.empty();
        }
    }

    private static void add(Element parent, String name, String value) {
        Element e = parent.getOwnerDocument().createElementNS(NAMESPACE, PREFIX + ":" + name);
        e.setTextContent(value);
        parent.appendChild(e);
    }

    private static String text(Element parent, String name) {
        NodeList l = parent.getElementsByTagNameNS(NAMESPACE, name);
        return l.getLength() == 0 ? null : l.item(0).getTextContent().trim();
    }
}
