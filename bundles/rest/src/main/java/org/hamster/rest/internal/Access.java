package org.hamster.rest.internal;

import java.util.Locale;

/** Which requests to a published resource need the API token (every request must come from this host). */
enum Access {
    /** Every request. */
    TOKEN,
    /** Only writes: GET and HEAD are served without it (resources published with hamster.rest.public=true). */
    PUBLIC_READS,
    /** None: the login resource, which hands the token out. */
    OPEN;

    /** The access a {@value org.hamster.rest.RestApi#PUBLIC_PROPERTY} service property value asks for. */
    static Access of(Object publicProperty) {
        boolean reads = Boolean.TRUE.equals(publicProperty)
                || publicProperty instanceof String s && s.strip().toLowerCase(Locale.ROOT).equals("true");
        return reads ? PUBLIC_READS : TOKEN;
    }
}
