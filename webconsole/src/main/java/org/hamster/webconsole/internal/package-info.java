/** The web app's servlet and the Karaf web console plugin with its role sections; nothing here is exported. */
package org.hamster.webconsole.internal;
