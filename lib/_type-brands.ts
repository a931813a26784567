/**
 * Keys of type-only members. Such a member carries a type parameter for
 * the compiler (the port names a Pod's containers declare, the keys a
 * ConfigMap holds), is optional, and holds nothing at run time: these
 * symbols are declared, never created, so use them only in types and in
 * `declare` fields.
 */

/** The container port names of something that selects Pods, for the type checks of Services. */
export declare const PORT_NAMES: unique symbol;

/** The keys a ConfigMap or Secret is known to hold, for the type checks of key references. */
export declare const DATA_KEYS: unique symbol;

/** The port declaration of a container or Service, from which the compiler reads the port names. */
export declare const PORT_DECLARATION: unique symbol;
