/** The library version, stamped on each element class so version clashes can be reported. */
export const VERSION = '0.1.0';
