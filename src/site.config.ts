import { readSiteConfig } from './lib/site-config.ts';

/** The configuration this build runs with. See README "Operate" for the variables. */
export const site = readSiteConfig(process.env);
