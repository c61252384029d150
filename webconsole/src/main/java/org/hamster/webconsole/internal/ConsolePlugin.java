package org.hamster.webconsole.internal;

import java.io.IOException;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.servlet.Servlet;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Karaf web console page {@code /system/console/hamster} (a Felix web console plugin: the console frames what
 * this servlet writes): the roles this instance runs and each role's state at a glance, from the sections that
 * exist now.
 */
@Component(service = Servlet.class, property = {
    "felix.webconsole.label=" + ConsolePlugin.LABEL,
    "felix.webconsole.title=Hamster",
    "felix.webconsole.category=Hamster"})
public final class ConsolePlugin extends HttpServlet {
    static final String LABEL = "hamster";
    private static final long serialVersionUID = 1L;
    private static final Logger LOG = LoggerFactory.getLogger(ConsolePlugin.class);

    private final transient List<Section> sections = new CopyOnWriteArrayList<>();

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void addSection(Section section) {
        sections.add(section);
    }

    void removeSection(Section section) {
        sections.remove(section);
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (!response.isCommitted()) {
            response.setContentType("text/html;charset=utf-8");
        }
        response.getWriter().write(render(sections));
    }

    /** The page: a summary line, a link to the web UI, then each section in order. */
    static String render(List<Section> sections) {
        List<Section> ordered = sections.stream().sorted(Comparator.comparingInt(Section::order)).toList();
        List<String> roles = ordered.stream().map(Section::role).filter(Objects::nonNull).toList();
        Html html = new Html().paragraph("statline", roles.isEmpty() ? "This instance runs no Hamster role."
                : "This instance runs: " + String.join(", ", roles) + ".");
        html.link(WebAppServlet.ROOT + "/", "Open the Hamster web UI");
        for (Section section : ordered) {
            try {
                section.render(html);
            } catch (RuntimeException e) {
                LOG.warn("Cannot show the {} section of the web console", section.role(), e);
                html.paragraph("ui-state-error", "The " + section.role() + " section failed: " + e);
            }
        }
        return html.toString();
    }
}
