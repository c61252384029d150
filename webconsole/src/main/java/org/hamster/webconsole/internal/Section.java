package org.hamster.webconsole.internal;

/**
 * One role's part of the web console page. Each role's section is a component that exists only while that role's
 * service does, so the page shows exactly the roles this instance runs.
 */
interface Section {
    /** Where the section goes on the page (ascending). */
    int order();

    /** The role's name, as the page's summary line lists it. */
    String role();

    /** Writes the section; a failure to read the role's state is shown, not thrown. */
    void render(Html html);
}
