// Where signing in happens; no Auth.js import here, so the guard stays light.
import { routes } from "@/lib/routes";

export const SIGN_IN_PATH = routes.signIn();
export const CHECK_EMAIL_PATH = routes.checkEmail();
/** A sign-in link works once, for this long. */
export const SIGN_IN_LINK_MINUTES = 15;
