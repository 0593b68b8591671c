// Where signing in happens; no Auth.js import here, so the guard stays light.
export const SIGN_IN_PATH = "/accedi";
export const CHECK_EMAIL_PATH = "/accedi/controlla-email";
/** A sign-in link works once, for this long. */
export const SIGN_IN_LINK_MINUTES = 15;
