package org.hamster.provider.internal.shell;

import org.apache.karaf.shell.api.action.Argument;

/** A management command on one of the provider's resources. */
abstract class ResourceCommand extends ManagementCommand {
    @Argument(index = 0, name = "resource", required = true, description = "Resource id (see provider-resources)")
    long resource;
}
