package org.hamster.client.internal.shell;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.support.table.ShellTable;
import org.hamster.client.Client;
import org.hamster.client.ClientException;

/** A command of the client role: drives the {@link Client} service and prints what it answers. */
abstract class ClientCommand implements Action {
    @Reference
    Client client;

    abstract void run() throws ClientException;

    @Override
    public Object execute() {
        try {
            run();
        } catch (ClientException e) {
            throw new IllegalArgumentException(e.getMessage());
        }
        return null;
    }

    /** A table with these columns. */
    static ShellTable table(String... columns) {
        ShellTable t = new ShellTable();
        for (String c : columns) {
            t.column(c);
        }
        return t;
    }

    static String duration(long seconds) {
        return seconds <= 0 ? "-" : String.format("%d:%02d h", seconds / 3600, seconds / 60 % 60);
    }
}
