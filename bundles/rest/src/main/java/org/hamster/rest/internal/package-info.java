/** The REST publisher's implementation (CXF servers, security filters, JSON); nothing here is exported. */
package org.hamster.rest.internal;
