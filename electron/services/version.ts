import pkg from '../../package.json' with { type: 'json' };

/** FeeTrail's version, stamped into every book it creates or opens. */
export const APP_VERSION: string = pkg.version;
