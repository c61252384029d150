package org.hamster.webconsole.internal;

/** A section of one role, in a fixed place on the page. */
abstract class RoleSection implements Section {
    private final int order;
    private final String role;

    RoleSection(int order, String role) {
        this.order = order;
        this.role = role;
    }

    @Override
    public final int order() {
        return order;
    }

    @Override
    public final String role() {
        return role;
    }
}
