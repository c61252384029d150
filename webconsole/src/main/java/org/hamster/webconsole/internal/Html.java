package org.hamster.webconsole.internal;

import java.util.List;

/**
 * Builds the HTML of the web console plugin in the console's own style (its {@code nicetable} tables). Every value
 * is escaped; null shows as a dash.
 */
final class Html {
    private final StringBuilder out = new StringBuilder();

    /** A table of name/value rows under a title; end it with {@link #end()}. */
    Html table(String title) {
        out.append("<table class=\"nicetable\"><thead><tr><th class=\"ui-widget-header\" colspan=\"2\">")
                .append(escape(title)).append("</th></tr></thead><tbody>\n");
        return this;
    }

    Html row(String name, Object value) {
        out.append("<tr><td>").append(escape(name)).append("</td><td>").append(escape(value)).append("</td></tr>\n");
        return this;
    }

    Html end() {
        out.append("</tbody></table>\n");
        return this;
    }

    /** A table with a title, column headers and one row per element; "none" when there are no rows. */
    Html grid(String title, List<String> headers, List<List<Object>> rows) {
        out.append("<table class=\"nicetable\"><thead><tr><th class=\"ui-widget-header\" colspan=\"")
                .append(headers.size()).append("\">").append(escape(title)).append("</th></tr><tr>");
        headers.forEach(h -> out.append("<th>").append(escape(h)).append("</th>"));
        out.append("</tr></thead><tbody>\n");
        if (rows.isEmpty()) {
            out.append("<tr><td colspan=\"").append(headers.size()).append("\">none</td></tr>\n");
        }
        for (List<Object> row : rows) {
            out.append("<tr>");
            row.forEach(v -> out.append("<td>").append(escape(v)).append("</td>"));
            out.append("</tr>\n");
        }
        out.append("</tbody></table>\n");
        return this;
    }

    /** A paragraph of text. */
    Html paragraph(String cssClass, String text) {
        out.append("<p class=\"").append(escape(cssClass)).append("\">").append(escape(text)).append("</p>\n");
        return this;
    }

    /** A link (to a same-origin path). */
    Html link(String href, String text) {
        out.append("<p><a href=\"").append(escape(href)).append("\">").append(escape(text)).append("</a></p>\n");
        return this;
    }

    static String escape(Object value) {
        String s = value == null ? "-" : value.toString();
        StringBuilder b = new StringBuilder(s.length());
        for (char c : s.toCharArray()) {
            switch (c) {
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '&' -> b.append("&amp;");
                case '"' -> b.append("&quot;");
                case '\'' -> b.append("&#39;");
                default -> b.append(c);
            }
        }
        return b.toString();
    }

    @Override
    public String toString() {
        return out.toString();
    }
}
